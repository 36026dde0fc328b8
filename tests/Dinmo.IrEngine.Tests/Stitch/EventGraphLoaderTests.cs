using Dinmo.IrEngine.Config;
using Dinmo.IrEngine.Errors;
using Dinmo.IrEngine.Tests.Config;
using FsCheck.Xunit;

namespace Dinmo.IrEngine.Tests.Stitch;

/// <summary>The event stitching config: binding, and errors reported with file, line:column, JSON path and hints.</summary>
public sealed class EventGraphLoaderTests : IDisposable
{
    private readonly ConfigFiles _files = new();

    public void Dispose() => _files.Dispose();

    /// <summary>The SPEC §9 example.</summary>
    private const string SpecJson = """
        {
          "project": "web_journeys",
          "models": [
            { "name": "page_views", "path": "page_views/*.parquet", "primary_key": "event_id",
              "timestamp": "ts", "partition": "event_date",
              "identifiers": { "anonymous_id": ["anonymous_id"], "user_id": ["user_id"],
                               "device_id": ["device_id"] } },
            { "name": "orders", "path": "orders.arrow", "primary_key": "order_id", "timestamp": "created_at",
              "partition": "created_date", "identifiers": { "user_id": ["customer_ref"], "email": ["email"] } }
          ],
          "identifiers": [
            { "name": "user_id", "priority": 1, "anchor": true, "max_unique_values_per_profile": 1 },
            { "name": "email", "priority": 2, "anchor": true, "standardize": ["email"] },
            { "name": "anonymous_id", "priority": 3, "lifetime": "P90D" },
            { "name": "device_id", "priority": 4, "lifetime": "P30D", "max_profiles_per_value": 3,
              "blocked_values": ["00000000-0000-0000-0000-000000000000"] }
          ],
          "outputs": { "format": "arrow" }
        }
        """;

    [Fact]
    public void SpecExample_BindsEveryKey()
    {
        var graph = EventGraphLoader.Load(_files.Write(SpecJson, "events.json"));
        Assert.Equal("web_journeys", graph.Project);
        Assert.Equal(["page_views", "orders"], graph.Models.Select(m => m.Name));
        Assert.Equal("event_date", graph.Models[0].Partition);
        Assert.Equal("created_at", graph.Models[1].Timestamp);
        Assert.Equal(["customer_ref"], graph.Models[1].Identifiers[0].Columns);
        var user = graph.Identifiers[0];
        Assert.True(user.IsExclusiveAnchor);
        Assert.Equal([StandardizeStep.Email], graph.Identifiers[1].Standardize);
        Assert.False(graph.Identifiers[1].IsExclusiveAnchor);
        Assert.Equal(90, graph.Identifiers[2].Lifetime!.Days);
        Assert.Equal(3, graph.Identifiers[3].MaxProfilesPerValue);
        Assert.Equal(IdentifierConfig.DefaultSteps, graph.Identifiers[3].Standardize);
    }

    [Fact]
    public void SchemaErrors_AreAllListedWithLocationAndHint()
    {
        var text = SpecJson.Replace("\"timestamp\": \"ts\"", "\"timestamps\": \"ts\"").Replace("\"priority\": 3", "\"priority\": \"3\"");
        var e = Assert.Throws<ConfigException>(() => EventGraphLoader.Load(_files.Write(text, "events.json")));
        var unknown = Assert.Single(e.Errors, x => x.Found == "unknown key 'timestamps'");
        Assert.Equal("$.models[0].timestamps", unknown.JsonPath);
        Assert.Equal(5, unknown.Line);
        Assert.Contains("timestamp", unknown.Hint);
        Assert.Contains(e.Errors, x => x.JsonPath == "$.models[0]" && x.Expected == "required key 'timestamp'");
        Assert.Contains(e.Errors, x => x.JsonPath == "$.identifiers[2].priority" && x.Line == 14);
        Assert.EndsWith("events.json", e.Errors[0].File);
    }

    [Fact]
    public void SemanticErrors_DurationsPrioritiesIdentifiersPatternsAndModelCount()
    {
        var sixModels = string.Join(",", Enumerable.Range(0, 6).Select(i =>
            $$"""{ "name": "m{{i}}", "path": "m.csv", "primary_key": "id", "timestamp": "ts", "identifiers": { "user_ids": ["u"] } }"""));
        var text = $$"""
            {
              "project": "p",
              "models": [ {{sixModels}} ],
              "identifiers": [
                { "name": "user_id", "priority": 1, "lifetime": "90 days" },
                { "name": "anonymous_id", "priority": 1, "blocked_patterns": ["(unclosed"] }
              ]
            }
            """;
        var e = Assert.Throws<ConfigException>(() => EventGraphLoader.Load(_files.Write(text, "events.json")));
        Assert.Contains(e.Errors, x => x.JsonPath == "$.models[5]" && x.Expected.Contains("at most 5", StringComparison.Ordinal));
        var unknown = e.Errors.First(x => x.JsonPath == "$.models[0].identifiers.user_ids");
        Assert.Equal("did you mean 'user_id'?", unknown.Hint);
        Assert.Equal(3, unknown.Line);
        Assert.Contains(e.Errors, x => x.JsonPath == "$.identifiers[0].lifetime" && x.Line == 5 && x.Found == "lifetime \"90 days\"");
        Assert.Contains(e.Errors, x => x.JsonPath == "$.identifiers[1].priority" && x.Found.StartsWith("priority '1' again", StringComparison.Ordinal));
        Assert.Contains(e.Errors, x => x.JsonPath == "$.identifiers[1].blocked_patterns[0]" && x.Line == 6);
    }

    [Theory]
    [InlineData("P90D", 0, 0, 90, 0L)]
    [InlineData("P1Y2M3W4DT5H6M7.5S", 1, 2, 25, 18_367_500_000L)]
    [InlineData("PT12H", 0, 0, 0, 43_200_000_000L)]
    public void IsoDuration_ParsesEveryPart(string text, int years, int months, int days, long micros)
    {
        var duration = IsoDuration.Parse(text)!;
        Assert.Equal((years, months, days, micros), (duration.Years, duration.Months, duration.Days, duration.Micros));
    }

    [Theory]
    [InlineData("P")]
    [InlineData("PT")]
    [InlineData("P0D")]
    [InlineData("90D")]
    [InlineData("P1DT")]
    [InlineData("-P1D")]
    public void IsoDuration_RejectsInvalidOrZero(string text) => Assert.Null(IsoDuration.Parse(text));

    [Fact]
    public void IsoDuration_MonthsAreCalendarMonths()
    {
        var jan31 = Dinmo.IrEngine.Ingest.Timestamps.FromDateTimeOffset(new DateTimeOffset(2024, 1, 31, 0, 0, 0, TimeSpan.Zero));
        var feb29 = Dinmo.IrEngine.Ingest.Timestamps.FromDateTimeOffset(new DateTimeOffset(2024, 2, 29, 0, 0, 0, TimeSpan.Zero));
        Assert.Equal(feb29, IsoDuration.Parse("P1M")!.AddTo(jan31));
    }

    [Theory]
    [InlineData(213_503_983, 0L)] // days × µs per day overflows a long
    [InlineData(0, long.MaxValue)]
    [InlineData(-1, 0L)]
    [InlineData(0, -1L)]
    public void IsoDuration_PartsParseNeverGives_AreAddedOnTheCalendar(int days, long micros)
    {
        var duration = new IsoDuration(0, 0, days, micros, "constructed");
        Assert.Equal(duration.AddByCalendar(0), duration.AddTo(0));
    }

    [Property(MaxTest = 500)]
    public void IsoDuration_FixedLengthAddition_AgreesWithTheCalendar(int seed)
    {
        // The fast path (days and time only) against calendar arithmetic, over the whole range, its ends included.
        var random = new Random(seed);
        var duration = new IsoDuration(0, 0, random.Next(4) == 0 ? 0 : random.Next(1, 4_000_000), random.NextInt64(0, 1L << 40), "generated");
        if (duration.IsZero) return;
        const long first = -62_135_596_800_000_000L, last = 253_402_300_799_999_999L;
        var micros = (seed & 3) switch
        {
            0 => last - random.NextInt64(0, 1L << 50), // near the calendar's end: saturates
            1 => first + random.NextInt64(0, 1L << 50),
            _ => random.NextInt64(-(1L << 55), 1L << 55), // within the calendar: years 828 to 3111
        };
        Assert.Equal(duration.AddByCalendar(micros), duration.AddTo(micros));
    }
}
