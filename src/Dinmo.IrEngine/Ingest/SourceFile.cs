using Dinmo.IrEngine.Config;

namespace Dinmo.IrEngine.Ingest;

/// <summary>One input file resolved from a model's <c>path</c>, with the format it will be read as.</summary>
internal sealed record SourceFile(string Path, InputFormat Format)
{
    /// <summary>The path that stands for an Arrow IPC stream on standard input.</summary>
    public const string StandardInput = "-";
}
