namespace Dinmo.IrEngine.Golden;

/// <summary>
/// What survivorship needs to know about the values of one golden column: a value handle
/// (a value id for identifiers, a load position for fields) can be compared, measured and matched.
/// </summary>
internal interface IGoldenValueSource
{
    /// <summary>True for text values (identifiers, string fields): <c>longest</c> measures code points.</summary>
    bool IsText { get; }

    bool AreEqual(int a, int b);

    /// <summary>A stable hash of the value (equal values, equal hashes), for grouping.</summary>
    ulong Hash(int handle);

    /// <summary>Natural order for <c>max</c> / <c>min</c>: numbers numerically, text by code point.</summary>
    int Compare(int a, int b);

    /// <summary>Length for <c>longest</c>, in code points (text only).</summary>
    int Length(int handle);
}

/// <summary>A candidate for a golden column: the record that carries it and the value handle.</summary>
internal readonly record struct GoldenCandidate(int Record, int Handle);
