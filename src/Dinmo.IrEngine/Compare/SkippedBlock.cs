namespace Dinmo.IrEngine.Compare;

/// <summary>A block with more distinct fuzzy values than <c>max_fuzzy_block_values</c>: not compared, reported.</summary>
/// <param name="Rule">The rule's name.</param>
/// <param name="Key">The block's exact key as text, e.g. <c>email=a@b.com</c>.</param>
/// <param name="DistinctValues">Distinct fuzzy values in the block.</param>
/// <param name="Records">Records in the block.</param>
internal sealed record SkippedBlock(string Rule, string Key, int DistinctValues, int Records);
