using Dinmo.IrEngine.Columnar;
using Dinmo.IrEngine.Ingest;

namespace Dinmo.IrEngine.Tests.Ingest;

public sealed class KeyOrderTests
{
    /// <summary>
    /// Models interleaved in load order (not the loader's contiguous parts), null, empty and duplicate
    /// keys, keys that are prefixes of others: the per-model parallel sort gives the order of one sort
    /// by (model name, null first, key bytes, load position).
    /// </summary>
    [Fact]
    public void PerModelSortOnTwoThreads_EqualsOneSortByModelNameKeyAndLoadPosition()
    {
        var random = new Random(3);
        string[] names = ["shop", "crm", "app_users", "CRM"];
        var count = 500;
        var loadModel = new short[count];
        using var keys = new Utf8Column();
        for (var i = 0; i < count; i++)
        {
            loadModel[i] = (short)random.Next(names.Length);
            var pick = random.Next(20);
            if (pick == 0) keys.AddNull();
            else keys.Add(pick == 1 ? "" : $"k{random.Next(150)}{(pick == 2 ? "é" : "")}");
        }

        var table = KeyOrder.Build(names, loadModel, new long[count], keys, threads: 2);

        var expected = Enumerable.Range(0, count)
            .OrderBy(i => names[loadModel[i]], StringComparer.Ordinal)
            .ThenBy(i => keys.IsNull(i) ? 0 : 1)
            .ThenBy(i => keys.GetString(i) ?? "", StringComparer.Ordinal) // ordinal UTF-16 = UTF-8 byte order for these keys
            .ThenBy(i => i)
            .ToArray();
        Assert.Equal(expected, table.LoadIndex);
        Assert.Contains(RecordKeyStatus.DuplicatePrimaryKey, table.Status);
        Assert.Contains(RecordKeyStatus.MissingPrimaryKey, table.Status);
    }
}
