using Dinmo.IrEngine.Block;
using Dinmo.IrEngine.Cluster;
using Dinmo.IrEngine.Columnar;
using Dinmo.IrEngine.Compare;
using Dinmo.IrEngine.Config;
using Dinmo.IrEngine.Golden;
using Dinmo.IrEngine.Guard;
using Dinmo.IrEngine.Ingest;
using Dinmo.IrEngine.StableIds;
using Dinmo.IrEngine.Standardize;

namespace Dinmo.IrEngine.Resolution;

/// <summary>
/// Profile Resolution over loaded records, stage by stage (SPEC §4): standardize → block and link
/// (exact groups, anchored fuzzy blocks) → cluster → conflict limits → golden record → dinmo_id.
/// Each stage is timed through <paramref name="stages"/>.
/// </summary>
internal static class Resolver
{
    public static ResolutionResult Resolve(IdentityGraph graph, LoadedRecords loaded, StageClock stages,
        IdState? previous = null, string runId = "run", CancellationToken cancel = default, int threads = 1)
    {
        previous ??= IdState.Empty();
        var records = loaded.Records;
        var n = records.Count;
        var observations = stages.Time("standardize", () => ObservationBuilder.Build(graph, loaded, threads));
        cancel.ThrowIfCancellationRequested();

        var rules = CompiledRule.Compile(graph);
        var links = new LinkSet();
        var skipped = new List<SkippedBlock>();
        var jaroWinkler = new JaroWinklerUsage();
        var applicability = stages.Time("block", () => RuleApplicability.Compute(rules, observations, n, threads));
        stages.Time("compare", () => LinkRules(graph, rules, observations, applicability, n, links, skipped, jaroWinkler, threads, cancel));

        var (clusters, violations, selfConflict, refused) = stages.Time("cluster", () => Cluster(graph, records, observations, applicability, links, threads));
        cancel.ThrowIfCancellationRequested();

        var valid = violations.Select(v => v is null).ToArray();
        var ids = stages.Time("stable_ids", () => StableIdStage.Run(graph.Project, records, clusters, valid, previous, runId, threads));
        // Golden rows in dinmo_id order, the order identity_golden and identity_matched_ids are written
        // in: the write stage then reads the golden columns front to back instead of at random.
        var golden = stages.Time("golden", () => GoldenRecordBuilder.Build(graph, loaded, observations, clusters, ids.ClustersByDinmoId, threads));

        var (status, reason, recordReasons) = Classify(records, applicability, clusters, violations, selfConflict);
        var outcomes = new LinkOutcome[links.Count];
        var linkedBy = rules.Select(_ => new bool[n]).ToArray();
        var blockReasons = new Dictionary<int, string>();
        for (var i = 0; i < links.Count; i++)
        {
            var (rule, left, right) = links[i];
            if (refused.TryGetValue(links[i], out var why))
            {
                outcomes[i] = LinkOutcome.BlockedConflict;
                blockReasons[i] = why;
                continue;
            }
            var c = clusters.ClusterOf(left);
            outcomes[i] = c >= 0 && valid[c] ? LinkOutcome.Merged : LinkOutcome.ExcludedConflict;
            linkedBy[rule][left] = linkedBy[rule][right] = true;
        }
        return new ResolutionResult
        {
            Graph = graph, Loaded = loaded, Observations = observations, Rules = rules, Applicability = applicability,
            Links = links, LinkOutcomes = outcomes, LinkBlockReasons = blockReasons, Clusters = clusters,
            ConflictReasons = violations, Golden = golden, DinmoIdValues = ids.DinmoIdValues, Status = status, Reason = reason,
            RecordConflictReasons = recordReasons, LinkedBy = linkedBy, SkippedBlocks = skipped, JaroWinklerUsage = jaroWinkler,
            PreviousIds = ids.PreviousIds, NextState = ids.NextState,
        };
    }

    /// <summary>
    /// Runs every rule's blocking and comparison, rules in parallel (each only reads the observations),
    /// each into its own links, skipped blocks and kernel counts; these are then appended in rule order,
    /// so the links, their groups and the union-find's input are those of a one-thread run.
    /// </summary>
    private static void LinkRules(IdentityGraph graph, CompiledRule[] rules, ObservationTable observations, RuleApplicability applicability,
        int n, LinkSet links, List<SkippedBlock> skipped, JaroWinklerUsage jaroWinkler, int threads, CancellationToken cancel)
    {
        var ruleLinks = rules.Select(_ => new LinkSet()).ToArray();
        var ruleSkipped = rules.Select(_ => new List<SkippedBlock>()).ToArray();
        var ruleUsage = rules.Select(_ => new JaroWinklerUsage()).ToArray();
        try
        {
            // Fuzzy rules first: they take longest, and a thread freed early takes the next exact rule.
            var order = rules.OrderBy(r => r.Fuzzy.Length == 0).ThenBy(r => r.Index).ToArray();
            ParallelActions.Run([.. order.Select(rule => (Action)(() =>
            {
                if (rule.Fuzzy.Length == 0) ExactRuleLinker.Link(rule, observations, applicability, n, ruleLinks[rule.Index]);
                else FuzzyRuleLinker.Link(graph, rule, observations, applicability, n, ruleLinks[rule.Index], ruleSkipped[rule.Index], ruleUsage[rule.Index]);
            }))], threads, cancel);
            foreach (var rule in rules)
            {
                links.AddAll(ruleLinks[rule.Index]);
                skipped.AddRange(ruleSkipped[rule.Index]);
                jaroWinkler.Add(ruleUsage[rule.Index]);
            }
            links.Seal();
        }
        finally
        {
            foreach (var set in ruleLinks) set.Dispose();
        }
    }

    /// <summary>Connected components over every link, then the conflict policy.</summary>
    private static (ClusterAssignment, string?[], string?[], Dictionary<(int Rule, int Left, int Right), string>) Cluster(IdentityGraph graph,
        RecordTable records, ObservationTable observations, RuleApplicability applicability, LinkSet links, int threads)
    {
        var n = records.Count;
        var union = new UnionFind(n);
        union.UnionAll(links.AddedLefts, links.AddedRights, threads);
        union.Flatten();
        var root = new int[n];
        for (var r = 0; r < n; r++)
        {
            root[r] = records.Status[r] == RecordKeyStatus.Valid && applicability.AnyRule[r] ? union.Find(r) : -1;
        }
        var clusters = new ClusterAssignment(root);
        var violations = ConflictLimits.Check(graph, clusters, observations, threads);
        var selfConflict = new string?[n];
        var refused = new Dictionary<(int, int, int), string>();
        if (graph.ConflictPolicy == ConflictPolicy.SkipMerge && violations.Any(v => v is not null))
        {
            var pass = SkipMergePass.Run(graph, clusters, violations, observations, links);
            // Pairs the pass tried inside expanded candidate groups become links of their own (merged or refused).
            foreach (var (rule, left, right, scores) in pass.Added) links.Add(rule, left, right, scores);
            links.Seal();
            clusters = new ClusterAssignment(pass.Root);
            violations = new string?[clusters.ClusterCount];
            selfConflict = pass.SelfConflict;
            refused = pass.Refused;
        }
        return (clusters, violations, selfConflict, refused);
    }

    private static (ResolutionStatus[], UnresolvedReason[], string?[]) Classify(RecordTable records,
        RuleApplicability applicability, ClusterAssignment clusters, string?[] violations, string?[] selfConflict)
    {
        var n = records.Count;
        var status = new ResolutionStatus[n];
        var reason = new UnresolvedReason[n];
        var reasons = new string?[n];
        for (var r = 0; r < n; r++)
        {
            (status[r], reason[r]) = records.Status[r] switch
            {
                RecordKeyStatus.MissingPrimaryKey => (ResolutionStatus.Missing, UnresolvedReason.MissingPrimaryKey),
                RecordKeyStatus.DuplicatePrimaryKey => (ResolutionStatus.Missing, UnresolvedReason.DuplicatePrimaryKey),
                _ when !applicability.AnyRule[r] => (ResolutionStatus.Missing, UnresolvedReason.MissingIdentifiers),
                _ => (ResolutionStatus.Unique, UnresolvedReason.None),
            };
            if (reason[r] != UnresolvedReason.None) continue;
            var c = clusters.ClusterOf(r);
            var conflict = c < 0 ? selfConflict[r] : violations[c];
            if (conflict is not null)
            {
                (status[r], reason[r], reasons[r]) = (ResolutionStatus.Conflict, UnresolvedReason.IdentifierConflict, conflict);
            }
            else if (clusters.MembersOf(c).Length > 1) status[r] = ResolutionStatus.Matched;
        }
        return (status, reason, reasons);
    }
}
