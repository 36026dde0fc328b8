namespace Dinmo.IrEngine.Compare;

/// <summary>A block with more distinct fuzzy values than <c>max_fuzzy_block_values</c>: not compared, reported.</summary>
/// <param name="Rule">The rule's name.</param>
/// <param name="Criterion">The fuzzy criterion that overflowed: its identifiers joined by <c>|</c>, e.g. <c>first_name</c>.</param>
/// <param name="Key">The block's exact key as text, e.g. <c>email=a@b.com</c>.</param>
/// <param name="DistinctValues">Distinct values of that criterion in the block (the size the limit applies to).</param>
/// <param name="Records">Records in the block.</param>
internal sealed record SkippedBlock(string Rule, string Criterion, string Key, int DistinctValues, int Records);
