namespace Dinmo.IrEngine.Tests.Support;

/// <summary>
/// Pairwise precision and recall of a resolution against ground truth: every pair of records that share
/// a dinmo_id is a predicted match; every pair with the same true entity is a true match.
/// </summary>
internal sealed record PairwiseQuality(int Records, long Predicted, long Truth, long TruePositives)
{
    public double Precision => Predicted == 0 ? 1.0 : (double)TruePositives / Predicted;
    public double Recall => Truth == 0 ? 1.0 : (double)TruePositives / Truth;

    public override string ToString() =>
        $"records {Records}, predicted pairs {Predicted}, true pairs {Truth}, precision {Precision:F4}, recall {Recall:F4}";

    /// <summary>Reads identity_match.csv; <paramref name="entityOf"/> maps an entity key to its true entity.</summary>
    public static PairwiseQuality Of(string identityMatchCsv, Func<string, string> entityOf) =>
        Of(CsvText.ReadTable(identityMatchCsv).Select(r => (r["entity_key"]!, r["dinmo_id"], entityOf(r["entity_key"]!))).ToList());

    public static PairwiseQuality Of(IReadOnlyList<(string Key, string? DinmoId, string Entity)> records)
    {
        static long Pairs(long n) => n * (n - 1) / 2;
        var predicted = records.Where(r => r.DinmoId is not null).GroupBy(r => r.DinmoId).Sum(g => Pairs(g.Count()));
        var truth = records.GroupBy(r => r.Entity).Sum(g => Pairs(g.Count()));
        var truePositives = records.Where(r => r.DinmoId is not null).GroupBy(r => (r.DinmoId, r.Entity)).Sum(g => Pairs(g.Count()));
        return new PairwiseQuality(records.Count, predicted, truth, truePositives);
    }
}
