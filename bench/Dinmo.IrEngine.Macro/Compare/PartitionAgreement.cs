namespace Dinmo.IrEngine.Macro.Compare;

/// <summary>
/// How far the engine's and the SQL run's partitions agree. Records are matched by (model,
/// entity_key). <see cref="StatusDiffers"/> counts records the two place in different buckets
/// (unique/matched/conflict/missing). On the records both resolve (unique or matched in both), a
/// record <em>agrees</em> when its engine cluster and its SQL cluster, each restricted to those
/// records, hold exactly the same records; <see cref="PartitionDiffers"/> counts those that do not.
/// </summary>
internal sealed record PartitionAgreement(
    long EngineRecords,
    long SqlRecords,
    long StatusDiffers,
    long BothResolved,
    long PartitionDiffers,
    long EngineClusters,
    long SqlClusters,
    IReadOnlyList<StatusPair> StatusMatrix)
{
    public double AgreementRate => BothResolved == 0 ? 1 : 1 - (double)PartitionDiffers / BothResolved;
}

/// <summary>A cell of the status confusion matrix: engine bucket, SQL bucket, records.</summary>
internal sealed record StatusPair(string Engine, string Sql, long Records);
