namespace Dinmo.IrEngine.Compare;

/// <summary>
/// The kernel family members of Jaro-Winkler, narrowest to widest. Every member returns the
/// same doubles bit for bit; they differ only in speed.
/// </summary>
internal enum JaroWinklerPath
{
    /// <summary>The classic quadratic definition (<see cref="JaroWinklerScalar"/>): the reference.</summary>
    Scalar,

    /// <summary>64-bit pattern-match masks per character, one pair at a time.</summary>
    BitParallel,

    /// <summary>Many candidates per 128-bit vector, packed by lane width.</summary>
    Vector128,

    /// <summary>Many candidates per 256-bit vector (AVX2).</summary>
    Vector256,

    /// <summary>Many candidates per 512-bit vector (AVX-512).</summary>
    Vector512,
}
