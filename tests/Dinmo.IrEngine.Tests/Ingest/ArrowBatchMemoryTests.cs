using Apache.Arrow;
using Dinmo.IrEngine.Columnar;
using Dinmo.IrEngine.Config;
using Dinmo.IrEngine.Ingest;
using Dinmo.IrEngine.Output;
using Dinmo.IrEngine.Tests.Support;

namespace Dinmo.IrEngine.Tests.Ingest;

public sealed class ArrowBatchMemoryTests
{
    [Fact]
    public void AFreedBuffer_IsReusedByTheNextBatchAboutAsLarge_NotByOneWhileItIsHeld()
    {
        using var memory = new ArrowBatchMemory();
        var first = memory.Allocate(100_000);
        var address = Address(first);
        first.Dispose();

        using var second = memory.Allocate(101_000); // a little larger than the first: it still fits
        using var third = memory.Allocate(100_000); // the second holds the buffer: a new one

        Assert.Equal(address, Address(second));
        Assert.NotEqual(address, Address(third));
    }

    [Fact]
    public void ABatchBufferDisposedTwice_IsGivenBackOnce_AndIsEmptyAfter()
    {
        using var memory = new ArrowBatchMemory();
        var lease = memory.Allocate(4096);
        lease.Dispose();
        lease.Dispose();

        using var a = memory.Allocate(4096);
        using var b = memory.Allocate(4096);

        Assert.Equal(0, lease.Memory.Length);
        Assert.NotEqual(Address(a), Address(b)); // given back twice, both would have the one buffer
    }

    [Fact]
    public void Buffers_StartWhereArrowAsks_AndLargeOnesOnAHugePage()
    {
        using var memory = new ArrowBatchMemory();
        using var small = memory.Allocate(1000);
        using var large = memory.Allocate((int)HugePages.MinBytes);

        Assert.Equal(0, Address(small) % Apache.Arrow.Memory.MemoryAllocator.DefaultAlignment);
        Assert.Equal(0, Address(large) % HugePages.PageSize);
    }

    [Fact]
    public void ABatchOutlivingTheFilesReader_KeepsItsValues()
    {
        using var dir = new TempDirectory();
        var file = Path.Combine(dir.Path, "numbers.arrow");
        Write(file, batches: 5, rows: 50_000);

        // Read whole (every batch held), then a batch at a time (each disposed before the next is read, its buffer reused).
        List<RecordBatch> held;
        using (var source = new ArrowFileSource(file)) held = source.ReadBatches().ToList();
        var streamed = new List<long>();
        using (var source = new ArrowFileSource(file))
            foreach (var batch in source.ReadBatches())
                using (batch)
                    streamed.Add(Sum(batch));

        Assert.Equal(Enumerable.Range(0, 5).Select(b => Expected(b, 50_000)), held.Select(Sum));
        Assert.Equal(Enumerable.Range(0, 5).Select(b => Expected(b, 50_000)), streamed);
        foreach (var batch in held) batch.Dispose();
    }

    /// <summary>Where the buffer starts (its distance from address 0).</summary>
    private static long Address(System.Buffers.IMemoryOwner<byte> owner) =>
        System.Runtime.CompilerServices.Unsafe.ByteOffset(ref System.Runtime.CompilerServices.Unsafe.NullRef<byte>(),
            ref System.Runtime.InteropServices.MemoryMarshal.GetReference(owner.Memory.Span));

    private static void Write(string file, int batches, int rows)
    {
        var schema = new Schema.Builder().Field(f => f.Name("n").DataType(Apache.Arrow.Types.Int64Type.Default)).Build();
        var written = Enumerable.Range(0, batches).Select(b => new RecordBatch(schema,
            [new Int64Array.Builder().AppendRange(Enumerable.Range(0, rows).Select(r => (long)b * rows + r)).Build()], rows)).ToList();
        TableFileWriter.Write(OutputFormat.Arrow, Path.GetDirectoryName(file)!, Path.GetFileNameWithoutExtension(file), schema, written);
    }

    private static long Sum(RecordBatch batch)
    {
        var values = (Int64Array)batch.Column(0);
        long sum = 0;
        for (var r = 0; r < values.Length; r++) sum += values.GetValue(r)!.Value;
        return sum;
    }

    private static long Expected(int batch, int rows) => Enumerable.Range(0, rows).Sum(r => (long)batch * rows + r);
}
