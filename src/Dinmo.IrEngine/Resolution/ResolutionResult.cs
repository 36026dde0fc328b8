using Dinmo.IrEngine.Block;
using Dinmo.IrEngine.Cluster;
using Dinmo.IrEngine.Compare;
using Dinmo.IrEngine.Config;
using Dinmo.IrEngine.Golden;
using Dinmo.IrEngine.Ingest;
using Dinmo.IrEngine.Standardize;

namespace Dinmo.IrEngine.Resolution;

/// <summary>
/// Everything Profile Resolution decided, stage by stage, for the output tables and metrics to read.
/// Owns the links and observations (not the loaded records, which the caller owns); dispose it after the outputs are written.
/// </summary>
internal sealed class ResolutionResult : IDisposable
{
    public required IdentityGraph Graph { get; init; }
    public required LoadedRecords Loaded { get; init; }
    public required ObservationTable Observations { get; init; }
    public required CompiledRule[] Rules { get; init; }
    public required RuleApplicability Applicability { get; init; }

    /// <summary>Links in match_pairs order, with their outcomes.</summary>
    public required LinkSet Links { get; init; }
    public required LinkOutcome[] LinkOutcomes { get; init; }

    /// <summary>Reasons of a refused (<c>blocked_conflict</c>) link, by link index.</summary>
    public required Dictionary<int, string> LinkBlockReasons { get; init; }

    public required ClusterAssignment Clusters { get; init; }

    /// <summary>Per cluster: its conflict reasons when it is excluded, else null.</summary>
    public required string?[] ConflictReasons { get; init; }

    public required GoldenTable Golden { get; init; }

    /// <summary>
    /// Per cluster: its dinmo_id when valid, else null — as 128-bit values, whose order is the text order,
    /// so ids are sorted without strings; <see cref="DinmoIdText"/> gives the text.
    /// </summary>
    public required StableIds.DinmoId?[] DinmoIdValues { get; init; }

    /// <summary>The dinmo_id text of a cluster, or null for an excluded cluster. Made on demand: a run holds no id strings.</summary>
    public string? DinmoIdText(int cluster) => DinmoIdValues[cluster]?.ToString();

    public required ResolutionStatus[] Status { get; init; }
    public required UnresolvedReason[] Reason { get; init; }

    /// <summary>Per record: the conflict reasons of a record unresolved by a conflict.</summary>
    public required string?[] RecordConflictReasons { get; init; }

    /// <summary>[rule][record]: the record is in at least one link of the rule that was applied.</summary>
    public required bool[][] LinkedBy { get; init; }

    public required IReadOnlyList<SkippedBlock> SkippedBlocks { get; init; }

    /// <summary>Fuzzy blocks scored per Jaro-Winkler kernel (the path that ran, for the run summary).</summary>
    public required JaroWinklerUsage JaroWinklerUsage { get; init; }

    /// <summary>Each record's dinmo_id in the previous state (SPEC §5), null where it had none.</summary>
    public required StableIds.DinmoId?[] PreviousIds { get; init; }

    /// <summary>The state this run hands the next: record ids, id registry, full id history.</summary>
    public required StableIds.IdState NextState { get; init; }

    public RecordTable Records => Loaded.Records;

    public string? PreviousDinmoId(int record) => PreviousIds[record]?.ToString();

    public void Dispose()
    {
        Links.Dispose();
        Observations.Dispose();
    }
}

/// <summary>What became of a link (SPEC §6 <c>match_pairs.outcome</c>).</summary>
internal enum LinkOutcome : byte { Merged, ExcludedConflict, BlockedConflict }
