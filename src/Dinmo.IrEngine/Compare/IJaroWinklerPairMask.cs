namespace Dinmo.IrEngine.Compare;

/// <summary>
/// The pattern string P of a one-to-one comparison, held the way one kernel path likes it (a table,
/// or P in vector registers). Implemented by readonly structs so the shared matching loop of
/// <see cref="JaroWinklerBitParallel.MatchWord{TMask}"/> is specialized per path with no call left.
/// </summary>
internal interface IJaroWinklerPairMask
{
    /// <summary>Bit q set when P[q] == <paramref name="codePoint"/>; no bit at or above |P| (≤ 64) is set.</summary>
    ulong Positions(int codePoint);
}
