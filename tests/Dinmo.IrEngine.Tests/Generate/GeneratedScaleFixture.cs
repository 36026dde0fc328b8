using Dinmo.IrEngine.Config;
using Dinmo.IrEngine.Generate;
using Dinmo.IrEngine.Tests.Support;

namespace Dinmo.IrEngine.Tests.Generate;

/// <summary>One small scale run (Parquet, 20k records) shared by the read-back and resolve tests of a class.</summary>
public sealed class GeneratedScaleFixture : IDisposable
{
    public const long Records = 20_000;
    public const ulong Seed = 7;

    private readonly TempDirectory _directory = new();

    public GeneratedScaleFixture() => Scale = ScaleGenerator.Write(_directory.Path, Records, OutputFormat.Parquet, Seed);

    internal GeneratedScale Scale { get; }

    public string Directory => _directory.Path;

    public void Dispose() => _directory.Dispose();
}
