namespace Dinmo.IrEngine.Compare;

/// <summary>
/// How many fuzzy blocks each kernel actually scored in a run, so the run summary reports the path
/// that ran rather than only the one selected: a vector path scores a block in lanes unless the block
/// has fewer than two non-empty values or pattern masks too large for its alphabet, and then the
/// bit-parallel loop does. Each rule counts into its own (rules run in parallel); the run adds them up.
/// </summary>
internal sealed class JaroWinklerUsage
{
    private readonly int[] _blocks = new int[Enum.GetValues<JaroWinklerPath>().Length];

    /// <summary>Counts one scored block under the kernel that scored it.</summary>
    public void Add(JaroWinklerBlock block) => _blocks[(int)block.Kernel]++;

    /// <summary>Adds the counts of another usage (one rule's, when rules run in parallel).</summary>
    public void Add(JaroWinklerUsage other)
    {
        for (var i = 0; i < _blocks.Length; i++) _blocks[i] += other._blocks[i];
    }

    /// <summary>Blocks per kernel path name, for the paths that scored at least one, narrowest first.</summary>
    public IReadOnlyList<(string Path, int Blocks)> Blocks =>
        Enum.GetValues<JaroWinklerPath>().Where(p => _blocks[(int)p] > 0).Select(p => (JaroWinkler.PathName(p), _blocks[(int)p])).ToList();
}
