using Dinmo.IrEngine.Output;

namespace Dinmo.IrEngine.Generate;

/// <summary>What <see cref="ScaleGenerator.Write"/> wrote: the graph file, the three model tables and the ground truth, with row counts.</summary>
internal sealed record GeneratedScale(string GraphFile, IReadOnlyList<WrittenTable> Models, WrittenTable GroundTruth, long Persons, ulong Seed)
{
    /// <summary>Source records over all models (= ground truth rows).</summary>
    public long Records => GroundTruth.Rows;
}
