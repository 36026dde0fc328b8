using Dinmo.IrEngine.Config;
using Dinmo.IrEngine.Metrics;
using Dinmo.IrEngine.Tests.Support;

namespace Dinmo.IrEngine.Tests.Metrics;

/// <summary>
/// Run metrics (SPEC §7) on a hand-made case whose every figure is counted by hand below. Two models,
/// rules "email" and "phone", customer_id limited to one value:
/// <code>
/// crm  c1 a@x 1 K1 ┐ email c1-c2, phone c1-s2: matched {c1, c2, s2}
///      c2 a@x      ┘
///      c3     2 K2   phone c3-s1: matched {c3, s1}
///      c4            nothing: missing (missing_identifiers)
///      c5 b@x 3 K3 ┐ email c5-c6, customer_id K3, K4 (2 &gt; 1): conflict
///      c6 b@x   K4 ┘
///      c7 test@test.com (blocked)  missing (missing_identifiers)
///      (null key) a@x 1            missing (missing_primary_key)
/// shop s1     2      matched {c3, s1}
///      s2 z@x 1      matched {c1, c2, s2}
///      s3 q@x        unique
///      d  a@x 1  ┐   missing (duplicate_primary_key), no observations, no links
///      d  a@x 1  ┘
/// </code>
/// </summary>
public sealed class RunMetricsCalculatorTests
{
    private static GraphBuilder Case(ConflictPolicy policy = ConflictPolicy.ExcludeCluster)
    {
        var crm = new InMemoryModel("crm", "id", "updated", "email", "phone", "cid")
            .Maps("email").Maps("phone").Maps("customer_id", "cid")
            .Row("c1", "2024-01-01", "a@x", "1", "K1")
            .Row("c2", "2024-01-02", "A@X ", null, null)
            .Row("c3", "2024-01-03", null, "2", "K2")
            .Row("c4", "2024-01-04", null, null, null)
            .Row("c5", "2024-01-05", "b@x", "3", "K3")
            .Row("c6", "2024-01-06", "b@x", null, "K4")
            .Row("c7", "2024-01-07", "TEST@test.com", null, null)
            .Row(null, "2024-01-08", "a@x", "1", null);
        var shop = new InMemoryModel("shop", "id", "modified", "mail", "tel")
            .Maps("email", "mail").Maps("phone", "tel")
            .Row("s1", "2024-02-01", null, "2")
            .Row("s2", "2024-02-02", "z@x", "1")
            .Row("s3", "2024-02-03", "q@x", null)
            .Row("d", "2024-02-04", "a@x", "1")
            .Row("d", "2024-02-05", "a@x", "1");
        return new GraphBuilder()
            .Identifier(new IdentifierConfig { Name = "email", BlockedValues = ["test@test.com"] })
            .Identifier("phone")
            .Identifier("customer_id", maxUniqueValues: 1)
            .Model(crm).Model(shop)
            .ExactRule("email", "email").ExactRule("phone", "phone")
            .Policy(policy);
    }

    private static RunMetrics Compute(GraphBuilder builder)
    {
        using var run = builder.Resolve();
        return RunMetricsCalculator.Compute(run.Result);
    }

    private static double Metric(RunMetrics metrics, string scopeType, string scopeValue, string metric) =>
        Assert.Single(metrics.Rows, r => r.ScopeType == scopeType && r.ScopeValue == scopeValue && r.Metric == metric).Value;

    [Fact]
    public void FourBuckets_AddUpToRecordsRead_OverallAndPerModel()
    {
        var metrics = Compute(Case());

        Assert.Equal(13, metrics.Records);
        Assert.Equal((1L, 5L, 2L, 5L), (metrics.Unique, metrics.Matched, metrics.Conflict, metrics.Missing));
        Assert.Equal(metrics.Records, metrics.Unique + metrics.Matched + metrics.Conflict + metrics.Missing);
        Assert.Equal(3, metrics.Golden);
        Assert.Equal(3, metrics.LargestCluster);

        (string Model, double Records, double Unique, double Matched, double Conflict, double Missing)[] expected =
            [("crm", 8, 0, 3, 2, 3), ("shop", 5, 1, 2, 0, 2)];
        foreach (var (model, records, unique, matched, conflict, missing) in expected)
        {
            Assert.Equal(records, Metric(metrics, "model", model, "records"));
            Assert.Equal(unique, Metric(metrics, "model", model, "unique_records"));
            Assert.Equal(matched, Metric(metrics, "model", model, "matched_records"));
            Assert.Equal(conflict, Metric(metrics, "model", model, "conflict_records"));
            Assert.Equal(missing, Metric(metrics, "model", model, "missing_records"));
            Assert.Equal(records, unique + matched + conflict + missing);
        }
        Assert.Equal(metrics.Records, expected.Sum(m => m.Records));
    }

    [Fact]
    public void ProjectRates_FollowTheBuckets()
    {
        var metrics = Compute(Case());

        Assert.Equal(13, Metric(metrics, "project", "test", "records"));
        Assert.Equal(6.0 / 13, Metric(metrics, "project", "test", "resolution_rate"));
        Assert.Equal(5.0 / 13, Metric(metrics, "project", "test", "match_rate"));
        Assert.Equal(2.0 / 13, Metric(metrics, "project", "test", "conflict_rate"));
        Assert.Equal(6.0 / 3, Metric(metrics, "project", "test", "records_per_profile"));
        Assert.Equal(1, Metric(metrics, "project", "test", "cluster_size_histogram:1"));
        Assert.Equal(1, Metric(metrics, "project", "test", "cluster_size_histogram:2"));
        Assert.Equal(1, Metric(metrics, "project", "test", "cluster_size_histogram:3-5"));
    }

    [Fact]
    public void PerRule_ApplicableLinkedConflictExclusive_AsCountedByHand()
    {
        var metrics = Compute(Case());

        // email: applicable c1 c2 c5 c6 s2 s3 (not the blocked c7, not the bad-key rows);
        // linked in a valid cluster c1 c2; conflict c5 c6; only email links c2.
        Assert.Equal(6, Metric(metrics, "rule", "email", "applicable_records"));
        Assert.Equal(2, Metric(metrics, "rule", "email", "linked_records"));
        Assert.Equal(2, Metric(metrics, "rule", "email", "conflict_records"));
        Assert.Equal(1, Metric(metrics, "rule", "email", "exclusive_records"));
        // phone: applicable c1 c3 c5 s1 s2; linked c1 s2 c3 s1; c5 has no partner; only phone links c3 s1 s2.
        Assert.Equal(5, Metric(metrics, "rule", "phone", "applicable_records"));
        Assert.Equal(4, Metric(metrics, "rule", "phone", "linked_records"));
        Assert.Equal(0, Metric(metrics, "rule", "phone", "conflict_records"));
        Assert.Equal(3, Metric(metrics, "rule", "phone", "exclusive_records"));
    }

    [Fact]
    public void PerRule_UnderSkipMerge_ARefusedLinkCountsAsConflictNotAsLinked()
    {
        var metrics = Compute(Case(ConflictPolicy.SkipMerge));

        // c5-c6 is refused: both stay valid clusters of one (unique), linked by nothing.
        Assert.Equal((3L, 5L, 0L, 5L), (metrics.Unique, metrics.Matched, metrics.Conflict, metrics.Missing));
        Assert.Equal(2, Metric(metrics, "rule", "email", "linked_records"));
        Assert.Equal(2, Metric(metrics, "rule", "email", "conflict_records"));
        Assert.Equal(1, Metric(metrics, "rule", "email", "exclusive_records"));
    }

    [Fact]
    public void PerIdentifier_CompletenessCountsRecordsWithAUsableValue()
    {
        var metrics = Compute(Case());

        // email: c1 c2 c5 c6 s2 s3 (c7's value is blocked, the bad-key rows give no observations).
        Assert.Equal(6.0 / 13, Metric(metrics, "identifier", "email", "completeness"));
        Assert.Equal(4, Metric(metrics, "identifier", "email", "distinct_values"));
        Assert.Equal(1, Metric(metrics, "identifier", "email", "blocked_observations"));
        Assert.Equal(1, Metric(metrics, "identifier", "email", "blocked_observations:blocked_value"));
        // phone: c1 c3 c5 s1 s2.
        Assert.Equal(5.0 / 13, Metric(metrics, "identifier", "phone", "completeness"));
        Assert.Equal(3, Metric(metrics, "identifier", "phone", "distinct_values"));
        // customer_id is mapped in crm only: c1 c3 c5 c6.
        Assert.Equal(4.0 / 13, Metric(metrics, "identifier", "customer_id", "completeness"));
        // Without golden columns, a golden record "has" an identifier when one of its records does:
        // email in {c1 c2 s2} and {s3}, not {c3 s1}; phone in {c1 c2 s2} and {c3 s1}, not {s3}.
        Assert.Equal(2.0 / 3, Metric(metrics, "identifier", "email", "golden_completeness"));
        Assert.Equal(2.0 / 3, Metric(metrics, "identifier", "phone", "golden_completeness"));
        Assert.Equal(2.0 / 3, Metric(metrics, "identifier", "customer_id", "golden_completeness"));
    }
}
