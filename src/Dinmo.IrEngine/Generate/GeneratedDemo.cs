using Dinmo.IrEngine.Output;

namespace Dinmo.IrEngine.Generate;

/// <summary>What <see cref="DemoGenerator.Write"/> wrote: the graph file, the three model tables and the ground truth, with row counts.</summary>
internal sealed record GeneratedDemo(string GraphFile, IReadOnlyList<WrittenTable> Models, WrittenTable GroundTruth, int Persons, ulong Seed);
