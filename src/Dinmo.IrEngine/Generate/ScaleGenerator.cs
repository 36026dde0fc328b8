using Dinmo.IrEngine.Config;
using Dinmo.IrEngine.Errors;
using Dinmo.IrEngine.Output;

namespace Dinmo.IrEngine.Generate;

/// <summary>
/// Writes a synthetic Profile Resolution data set of any size in bounded memory: the demo's three
/// source models (<c>crm_contacts</c>, <c>shop_customers</c>, <c>app_users</c>), all as Parquet or all
/// as Arrow, the ground truth in the same format and the graph <c>scale.json</c> (the demo's rules and
/// conflict limits). Persons are built in chunks of <see cref="ChunkPersons"/> (<see cref="ScaleChunk"/>),
/// each streamed out as row groups before the next is consumed; the next chunk is built on another
/// thread meanwhile. The same (records, format, seed) gives byte-identical files. Entry point of
/// <c>irengine generate --scale &lt;dir&gt; [--records N] [--format parquet|arrow] [--seed S]</c>.
/// </summary>
internal static class ScaleGenerator
{
    public const long DefaultRecords = 1_000_000;

    /// <summary>
    /// Persons per chunk: ~63k records, some tens of MB of row objects; two chunks live at once. 32k
    /// rather than 64k halves peak RSS (330 MB against 505 MB at any size). Part of the output's
    /// definition: households and broken keys form within a chunk.
    /// </summary>
    public const int ChunkPersons = 1 << 15;

    /// <summary>
    /// Expected records per person under <see cref="DemoGenerator.SourcePlans"/>: presences 0.65 + 0.6 + 0.55,
    /// plus 0.35 × 0.4 × 0.45 for persons placed in one model because they drew none, times 1.03 for
    /// within-model duplicates.
    /// </summary>
    public const double RecordsPerPerson = (0.65 + 0.6 + 0.55 + 0.35 * 0.4 * 0.45) * 1.03;

    /// <summary>Largest record count: as many persons as have distinct phones (<see cref="ScalePersonFactory.MaxPersons"/>).</summary>
    public const long MaxRecords = (long)(ScalePersonFactory.MaxPersons * RecordsPerPerson);

    /// <summary>Most rows per batch (Parquet row group); one model's share of a chunk (~22k rows) fits in one.</summary>
    private const int BatchRows = 1 << 16;

    /// <exception cref="ArgumentOutOfRangeException"><paramref name="records"/> is below 1 or above <see cref="MaxRecords"/>, or the format is not Parquet or Arrow.</exception>
    /// <exception cref="OutputException">A file cannot be written.</exception>
    public static GeneratedScale Write(string directory, long records = DefaultRecords, OutputFormat format = OutputFormat.Parquet,
        ulong seed = DemoGenerator.DefaultSeed)
    {
        ArgumentException.ThrowIfNullOrEmpty(directory);
        ArgumentOutOfRangeException.ThrowIfLessThan(records, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(records, MaxRecords);
        if (format is not (OutputFormat.Parquet or OutputFormat.Arrow))
            throw new ArgumentOutOfRangeException(nameof(format), format, "scale data is written as Parquet or Arrow");

        var persons = Math.Max(1, (long)Math.Round(records / RecordsPerPerson));
        var plans = DemoGenerator.SourcePlans();
        var writers = new List<StreamingTableWriter>(plans.Length + 1);
        try
        {
            foreach (var plan in plans) writers.Add(new StreamingTableWriter(format, directory, plan.Table.Name, plan.Table.Schema));
            var truthWriter = new StreamingTableWriter(format, directory, GroundTruth.TableName, GroundTruth.Schema);
            writers.Add(truthWriter);

            WriteChunks(plans, writers, persons, seed);

            var models = writers.Take(plans.Length).Select(w => w.Complete()).ToList();
            var truth = truthWriter.Complete();
            var graph = DemoGraph.WriteScale(directory, format);
            return new GeneratedScale(graph, models, truth, persons, seed);
        }
        finally
        {
            foreach (var writer in writers) writer.Dispose();
        }
    }

    /// <summary>
    /// Chunk by chunk, in index order: chunk c + 1 is built on a worker while chunk c is written, so at
    /// most two chunks are in memory. Keys continue from chunk to chunk, known once a chunk is built.
    /// </summary>
    private static void WriteChunks(SourcePlan[] plans, List<StreamingTableWriter> writers, long persons, ulong seed)
    {
        var chunks = (persons + ChunkPersons - 1) / ChunkPersons;
        var firstKeys = Enumerable.Repeat(1L, plans.Length).ToArray();
        var truth = new GroundTruth();
        Task<ScaleChunk>? next = Build(plans, persons, seed, 0, firstKeys);
        for (var c = 0L; c < chunks; c++)
        {
            var chunk = next!.GetAwaiter().GetResult();
            for (var p = 0; p < plans.Length; p++) firstKeys[p] += chunk.Copies[p].Count;
            next = c + 1 < chunks ? Build(plans, persons, seed, c + 1, (long[])firstKeys.Clone()) : null;

            for (var p = 0; p < plans.Length; p++)
            {
                var rows = chunk.Copies[p];
                for (var start = 0; start < rows.Count; start += BatchRows)
                {
                    using var batch = plans[p].Table.Batch(rows, start, Math.Min(BatchRows, rows.Count - start));
                    writers[p].Append(batch);
                }
                truth.Add(plans[p].Table, rows);
            }
            using var truthBatch = truth.TakeBatch();
            writers[plans.Length].Append(truthBatch);
        }
    }

    private static Task<ScaleChunk> Build(SourcePlan[] plans, long persons, ulong seed, long chunk, long[] firstKeys)
    {
        var firstPerson = chunk * ChunkPersons;
        var count = (int)Math.Min(ChunkPersons, persons - firstPerson);
        return Task.Run(() => ScaleChunk.Create(seed, chunk, firstPerson, count, plans, firstKeys));
    }
}
