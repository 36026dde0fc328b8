namespace Dinmo.IrEngine.Compare;

/// <summary>
/// Receives the pairs of a <see cref="JaroWinklerBlock"/> that reach the threshold, in ascending
/// (i, j) order. Implement it on a struct so the block's loop is specialized and the call inlined.
/// </summary>
internal interface IJaroWinklerPairSink
{
    /// <summary>Called once per pair i &lt; j with score ≥ threshold.</summary>
    void Add(int i, int j, double score);
}

/// <summary>Sink that appends to a list (convenience; the pipeline may bring its own struct sink).</summary>
internal readonly struct JaroWinklerListSink(List<JaroWinklerMatch> list) : IJaroWinklerPairSink
{
    /// <inheritdoc />
    public void Add(int i, int j, double score) => list.Add(new JaroWinklerMatch(i, j, score));
}
