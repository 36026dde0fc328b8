using Dinmo.IrEngine.Output;
using Dinmo.IrEngine.Tests.Support;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace Dinmo.IrEngine.Tests.Output;

/// <summary>
/// The direct file stream writes exactly the bytes it is given, in any split into writes and flushes:
/// whole blocks, a padded last block cut back to length, a block written again after a flush.
/// </summary>
public sealed class DirectFileStreamTests
{
    private const int Block = DirectFileStream.BlockBytes;

    /// <summary>Writes of these sizes, with a flush after the ones marked, give the file of their bytes in order.</summary>
    [Theory]
    [InlineData(new[] { 0 }, new int[0])]
    [InlineData(new[] { 1 }, new int[0])]
    [InlineData(new[] { 4095, 1, 4097 }, new[] { 0, 1, 2 })]
    [InlineData(new[] { Block }, new int[0])]
    [InlineData(new[] { Block - 1, 2, Block }, new[] { 0 })]
    [InlineData(new[] { 3 * Block + 12345 }, new int[0])]
    [InlineData(new[] { 100, 5000, 2 * Block + 7, 1, 4096 }, new[] { 0, 1, 2, 3, 4 })]
    [InlineData(new[] { 2 * Block, 10 }, new[] { 0 })]
    public void Writes_GiveTheirBytesInOrder(int[] sizes, int[] flushAfter)
    {
        foreach (var direct in new[] { true, false })
        {
            using var dir = new TempDirectory();
            var expected = WriteAll(dir.File("t.bin"), sizes, flushAfter, direct, seed: sizes.Sum());
            Assert.Equal(expected, File.ReadAllBytes(dir.File("t.bin")));
        }
    }

    [Property(MaxTest = 25)]
    public Property RandomWritesAndFlushes_GiveTheirBytesInOrder() => Prop.ForAll(
        Gen.ListOf(Gen.Choose(0, Block / 3).Zip(Gen.Elements(false, false, false, true))).ToArbitrary(), writes =>
        {
            using var dir = new TempDirectory();
            var sizes = writes.Select(w => w.Item1).ToArray();
            var flushes = writes.Select((w, i) => (w.Item2, i)).Where(w => w.Item1).Select(w => w.i).ToArray();
            var expected = WriteAll(dir.File("t.bin"), sizes, flushes, direct: true, seed: sizes.Length);
            return expected.AsSpan().SequenceEqual(File.ReadAllBytes(dir.File("t.bin")));
        });

    [Fact]
    public void Position_CountsTheBytesWritten_AndCannotMove()
    {
        using var dir = new TempDirectory();
        using var stream = DirectFileStream.Create(dir.File("t.bin"));
        stream.Write(new byte[Block + 10]);
        stream.Flush();
        stream.Write(new byte[3]);

        Assert.Equal(Block + 13, stream.Position);
        Assert.Equal(Block + 13, stream.Seek(0, SeekOrigin.Current));
        if (stream is DirectFileStream) Assert.Throws<NotSupportedException>(() => stream.Position = 0);
    }

    [Fact]
    public void ALocalFileSystem_GetsDirectWrites()
    {
        // The temp folder of the test machines (ext4, xfs) takes O_DIRECT; tmpfs may or may not (kernel 6.6 on).
        using var dir = new TempDirectory();
        using var stream = DirectFileStream.Create(dir.File("t.bin"));
        if (!OperatingSystem.IsLinux()) Assert.IsType<FileStream>(stream);
        else if (!OnTmpfs(dir.Path)) Assert.IsType<DirectFileStream>(stream);
    }

    [Fact]
    public void AfterAFlush_TheFileHasExactlyTheBytesWritten_AndMoreCanFollow()
    {
        using var dir = new TempDirectory();
        using var stream = DirectFileStream.Create(dir.File("t.bin"));
        stream.Write(new byte[Block + 5]);
        stream.Flush();
        Assert.Equal(Block + 5, new FileInfo(dir.File("t.bin")).Length); // the padded tail is cut at once, not at closing
        stream.Write("xy"u8);
        stream.Flush();
        Assert.Equal(Block + 7, new FileInfo(dir.File("t.bin")).Length);
    }

    [Fact]
    public void AnAbandonedFile_WritesNothingMoreWhenClosed()
    {
        using var dir = new TempDirectory();
        var stream = DirectFileStream.Create(dir.File("t.bin"));
        stream.Write(new byte[100]);
        if (stream is not DirectFileStream direct)
        {
            Assert.IsType<FileStream>(stream); // a file system without direct writes: an ordinary file, nothing to abandon
            stream.Dispose();
            return;
        }
        direct.Abandon();
        stream.Dispose();
        Assert.Equal(0, new FileInfo(dir.File("t.bin")).Length);
    }

    [Fact]
    public void ACreatedFile_ReplacesAnOlderOne()
    {
        using var dir = new TempDirectory();
        File.WriteAllBytes(dir.File("t.bin"), new byte[3 * Block]);
        using (var stream = DirectFileStream.Create(dir.File("t.bin"))) stream.Write("new"u8);

        Assert.Equal("new"u8.ToArray(), File.ReadAllBytes(dir.File("t.bin")));
    }

    private static byte[] WriteAll(string file, int[] sizes, int[] flushAfter, bool direct, int seed)
    {
        var random = new Random(seed);
        var all = new MemoryStream();
        using (var stream = DirectFileStream.Create(file, direct))
        {
            for (var i = 0; i < sizes.Length; i++)
            {
                var bytes = new byte[sizes[i]];
                random.NextBytes(bytes);
                stream.Write(bytes);
                all.Write(bytes);
                if (flushAfter.Contains(i)) stream.Flush();
            }
        }
        return all.ToArray();
    }

    private static bool OnTmpfs(string path)
    {
        var mounts = File.ReadAllLines("/proc/mounts").Select(l => l.Split(' ')).Where(f => f.Length > 2)
            .Where(f => path.StartsWith(f[1], StringComparison.Ordinal)).OrderByDescending(f => f[1].Length);
        return mounts.FirstOrDefault()?[2] == "tmpfs";
    }
}
