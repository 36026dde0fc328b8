using Dinmo.IrEngine.Generate;
using Dinmo.IrEngine.Tests.Support;

namespace Dinmo.IrEngine.Tests.Generate;

/// <summary>One small generated demo shared by the read-back tests of a class.</summary>
public sealed class GeneratedDemoFixture : IDisposable
{
    public const int Persons = 400;
    public const ulong Seed = 7;

    private readonly TempDirectory _directory = new();

    public GeneratedDemoFixture() => Demo = DemoGenerator.Write(_directory.Path, Persons, Seed);

    internal GeneratedDemo Demo { get; }

    public string Directory => _directory.Path;

    public void Dispose() => _directory.Dispose();
}
