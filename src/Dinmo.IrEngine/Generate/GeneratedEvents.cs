namespace Dinmo.IrEngine.Generate;

/// <summary>What <see cref="EventGenerator.Write"/> wrote: the stitch config, each event table with its row count, the ground truth.</summary>
internal sealed record GeneratedEvents(
    string ConfigFile,
    IReadOnlyList<(string Model, string File, long Rows)> Tables,
    string GroundTruthFile,
    int Persons,
    ulong Seed)
{
    public long Events => Tables.Sum(t => t.Rows);
}
