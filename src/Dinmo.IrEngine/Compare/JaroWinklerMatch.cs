namespace Dinmo.IrEngine.Compare;

/// <summary>A pair of block values (I &lt; J, indices into the block) and their exact Jaro-Winkler score.</summary>
internal readonly record struct JaroWinklerMatch(int I, int J, double Score);
