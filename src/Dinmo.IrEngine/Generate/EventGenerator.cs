using Dinmo.IrEngine.Errors;

namespace Dinmo.IrEngine.Generate;

/// <summary>
/// Writes a deterministic synthetic Event Stitching project: <c>page_views</c>, <c>sessions</c>,
/// <c>logins</c> and <c>orders</c> as Parquet, <c>ground_truth.parquet</c> (the person behind every
/// event) and the stitch config <c>events.json</c>. Events are streamed in row groups and persons are
/// derived by hashing (<see cref="EventPopulation"/>), so memory does not grow with the count. The
/// same (count, seed) gives byte-identical files. Entry point of
/// <c>irengine generate --events &lt;dir&gt; [--count N] [--seed S]</c>.
/// </summary>
internal static class EventGenerator
{
    public const long DefaultCount = 1_000_000;
    public const ulong DefaultSeed = 20240501;

    /// <summary>About this many events per person, so profiles have histories to stitch (devices, cookie resets, logins).</summary>
    public const int EventsPerPerson = 40;

    /// <summary>Events fall in a window of this many days from <see cref="Start"/>: long enough for cookie resets and device lifetimes.</summary>
    public const int Days = 90;

    public const string GroundTruthFile = "ground_truth.parquet";

    /// <summary>2024-01-01T00:00:00Z in µs.</summary>
    private static readonly long Start = new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero).ToUnixTimeMilliseconds() * 1000;

    /// <exception cref="ArgumentOutOfRangeException"><paramref name="count"/> is below 1 or above int.MaxValue persons' worth.</exception>
    /// <exception cref="OutputException">A file cannot be written.</exception>
    public static GeneratedEvents Write(string directory, long count = DefaultCount, ulong seed = DefaultSeed)
    {
        ArgumentException.ThrowIfNullOrEmpty(directory);
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        try
        {
            Directory.CreateDirectory(directory);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new OutputException($"cannot create the folder '{directory}': {e.Message}", e);
        }

        var population = new EventPopulation((int)Math.Max(1, count / EventsPerPerson), seed);
        var root = new SeededRandom(seed);
        var plans = EventModelPlan.All;
        var counts = Split(count, plans);
        var tables = new List<(string Model, string File, long Rows)>();
        using var truth = new EventTableWriter(Path.Combine(directory, GroundTruthFile), "event_key", "event_timestamp", "event_date",
            ["model_name", "person_id"]);
        for (var m = 0; m < plans.Count; m++)
        {
            var plan = plans[m];
            // One forked stream per model: the tables do not depend on each other's sizes beyond their own count.
            var drawer = new EventRowDrawer(population, root.Fork(), Start);
            using var table = new EventTableWriter(Path.Combine(directory, plan.FileName), plan.KeyColumn, plan.TimestampColumn,
                plan.PartitionColumn, plan.Columns);
            for (var i = 0L; i < counts[m]; i++) drawer.Draw(plan, i, table, truth);
            table.Close();
            tables.Add((plan.Name, table.File, table.Rows));
        }
        truth.Close();
        var config = Path.Combine(directory, EventStitchConfig.FileName);
        File.WriteAllText(config, EventStitchConfig.Json);
        return new GeneratedEvents(config, tables, truth.File, population.Persons, seed);
    }

    /// <summary>Events per model: each its share (rounded down), page views the rest.</summary>
    private static long[] Split(long count, IReadOnlyList<EventModelPlan> plans)
    {
        var counts = plans.Select(p => (long)(count * p.Share)).ToArray();
        counts[0] = count - counts.Skip(1).Sum();
        return counts;
    }
}
