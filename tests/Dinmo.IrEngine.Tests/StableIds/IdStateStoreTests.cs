using System.Text;
using Dinmo.IrEngine.Errors;
using Dinmo.IrEngine.StableIds;
using Dinmo.IrEngine.Tests.Support;

namespace Dinmo.IrEngine.Tests.StableIds;

public sealed class IdStateStoreTests
{
    private static readonly DinmoId A = Id("p", "crm", "a");
    private static readonly DinmoId B = Id("p", "crm", "b");

    [Theory]
    [InlineData(65536)]
    [InlineData(2)]  // several batches per file
    public void WriteThenRead_GivesTheSameColumns(int rowsPerChunk)
    {
        using var dir = new TempDirectory();
        var history = new IdChangeLog(["run2", "run1"],
        [
            new IdChange(A, IdChangeType.Created, default, false, 1, 1),
            new IdChange(B, IdChangeType.Merged, A, true, 0, 2),
        ]);
        var state = new IdState
        {
            RunSequence = 2,
            Records = Records(["crm", "crm", "shop"], ["a", "b", "a"], [A, A, B], [true, true, false]),
            Registry = new IdRegistry([B, A], [1, 1]),
            History = history,
        };
        IdStateStore.Write(dir.Path, state, "run2", rowsPerChunk);

        var read = IdStateStore.Read(dir.Path);
        Assert.Equal(2, read.RunSequence);
        Assert.Equal(["crm/a", "crm/b", "shop/a"], Enumerable.Range(0, read.Records.Count)
            .Select(r => Encoding.UTF8.GetString(read.Records.ModelName(r)) + "/" + Encoding.UTF8.GetString(read.Records.Key(r))));
        Assert.Equal([A, A, B], read.Records.Ids);
        Assert.Equal([true, true, false], read.Records.Active);
        Assert.Equal(state.Registry.Ids, read.Registry.Ids);
        Assert.Equal(["run1", "run2"], read.History.RunIds);
        Assert.Equal(history.Rows, read.History.Rows);
    }

    [Fact]
    public void Read_RecordIdsOutOfKeyOrder_IsUnreadableState()
    {
        using var dir = new TempDirectory();
        var state = new IdState
        {
            RunSequence = 1, Records = Records(["crm", "crm"], ["b", "a"], [A, B], [true, true]),
            Registry = IdRegistry.Empty, History = IdChangeLog.Empty,
        };
        IdStateStore.Write(dir.Path, state, "run1");
        var error = Assert.Throws<InputException>(() => IdStateStore.Read(dir.Path));
        Assert.Contains("order", error.Message);
    }

    private static DinmoId Id(string project, string model, string key) =>
        DinmoIdFactory.ForCluster(DinmoIdFactory.ClusterNamePrefix(project, model), Encoding.UTF8.GetBytes(key));

    /// <summary>State records as given, in the given order (the store must not rely on the writer to sort them).</summary>
    private static StateRecords Records(string[] models, string[] keys, DinmoId[] ids, bool[] active)
    {
        var names = models.Distinct().Select(Encoding.UTF8.GetBytes).ToArray();
        var model = models.Select(m => Array.FindIndex(names, n => n.AsSpan().SequenceEqual(Encoding.UTF8.GetBytes(m)))).ToArray();
        var bytes = keys.SelectMany(Encoding.UTF8.GetBytes).ToArray();
        var offsets = new int[keys.Length + 1];
        for (var i = 0; i < keys.Length; i++) offsets[i + 1] = offsets[i] + Encoding.UTF8.GetByteCount(keys[i]);
        return new StateRecords(names, model, bytes, offsets, ids, active);
    }
}
