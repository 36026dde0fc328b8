using System.IO.Hashing;
using System.Text;
using Dinmo.IrEngine.Columnar;
using Dinmo.IrEngine.Config;
using Dinmo.IrEngine.Golden;
using Dinmo.IrEngine.Ingest;
using Dinmo.IrEngine.Tests.Support;

namespace Dinmo.IrEngine.Tests.Golden;

public sealed class SurvivorshipTests
{
    /// <summary>Model config order, deliberately not alphabetical (record ids follow names: app, crm, shop).</summary>
    private static readonly string[] ConfigOrder = ["shop", "crm", "app"];

    private readonly record struct Row(string Model, long? Order, string Key, string? Value);

    /// <summary>Runs one strategy over one cluster; returns "model/key=value" of the winner, or null.</summary>
    private static string? Pick(SurvivorshipStrategy strategy, string[] priority, params Row[] rows)
    {
        // Number records as the loader does: by model name, then key, ordinal.
        var sorted = rows.OrderBy(r => r.Model, StringComparer.Ordinal).ThenBy(r => r.Key, StringComparer.Ordinal).ToArray();
        var keys = new Utf8Column();
        foreach (var row in sorted) keys.Add(row.Key);
        using var records = new RecordTable(ConfigOrder,
            sorted.Select(r => (short)Array.IndexOf(ConfigOrder, r.Model)).ToArray(),
            sorted.Select(r => r.Order is { } o ? o * Timestamps.MicrosPerSecond : Timestamps.Null).ToArray(),
            new RecordKeyStatus[sorted.Length],
            Enumerable.Range(0, sorted.Length).ToArray(),
            keys);
        var builder = new GraphBuilder().Golden(new GoldenConfig { ModelPriority = priority });
        foreach (var model in ConfigOrder) builder.Model(new InMemoryModel(model, "id", "updated_at"));
        var precedence = new RecordPrecedence(builder.Graph, records);

        // Candidates arrive in precedence order, as GoldenRecordBuilder hands them over.
        var members = Enumerable.Range(0, sorted.Length).ToList();
        members.Sort(precedence.Compare);
        var candidates = members.Where(r => sorted[r].Value is not null).Select(r => new GoldenCandidate(r, r)).ToArray();
        var values = new TextValues(sorted.Select(r => r.Value).ToArray());

        var pick = Survivorship.Pick(strategy, candidates, values, precedence, records);
        if (pick < 0) return null;
        var winner = sorted[candidates[pick].Record];
        return $"{winner.Model}/{winner.Key}={winner.Value}";
    }

    /// <summary>Text values by handle (here the record id), compared by code point like identifier values.</summary>
    private sealed class TextValues(string?[] values) : IGoldenValueSource
    {
        public bool IsText => true;
        public bool AreEqual(int a, int b) => values[a] == values[b];
        public ulong Hash(int handle) => XxHash3.HashToUInt64(Encoding.UTF8.GetBytes(values[handle]!));
        public int Compare(int a, int b) => Encoding.UTF8.GetBytes(values[a]!).AsSpan().SequenceCompareTo(Encoding.UTF8.GetBytes(values[b]!));
        public int Length(int handle) => values[handle]!.EnumerateRunes().Count();
    }

    [Fact]
    public void NoCandidates_NoValue()
        => Assert.Null(Pick(SurvivorshipStrategy.LastNonNull, [], new Row("crm", 1, "1", null)));

    [Fact]
    public void LastNonNull_TakesMostRecentRecordWithAValue()
        => Assert.Equal("crm/3=c", Pick(SurvivorshipStrategy.LastNonNull, [],
            new Row("crm", 10, "1", "a"), new Row("crm", 30, "2", null), new Row("crm", 20, "3", "c")));

    [Fact]
    public void LastNonNull_NullOrderRanksOldest()
        => Assert.Equal("crm/2=b", Pick(SurvivorshipStrategy.LastNonNull, [],
            new Row("crm", null, "1", "n"), new Row("crm", 5, "2", "b")));

    [Fact]
    public void FirstNonNull_TakesOldestRecordWithAValue()
        => Assert.Equal("crm/2=b", Pick(SurvivorshipStrategy.FirstNonNull, [],
            new Row("crm", 10, "1", null), new Row("crm", 20, "2", "b"), new Row("crm", 30, "3", "c")));

    [Fact]
    public void FirstNonNull_NullOrderIsOldest()
        => Assert.Equal("crm/1=n", Pick(SurvivorshipStrategy.FirstNonNull, [],
            new Row("crm", null, "1", "n"), new Row("crm", 5, "2", "b")));

    [Fact]
    public void MostFrequent_TakesValueCarriedByMostRecords()
        => Assert.Equal("crm/2=x", Pick(SurvivorshipStrategy.MostFrequent, [],
            new Row("crm", 10, "1", "x"), new Row("crm", 20, "2", "x"), new Row("crm", 30, "3", "y")));

    [Fact]
    public void MostFrequent_TieGoesToValueOfMostRecentRecord()
        => Assert.Equal("crm/2=y", Pick(SurvivorshipStrategy.MostFrequent, [],
            new Row("crm", 10, "1", "x"), new Row("crm", 30, "2", "y"), new Row("crm", 20, "3", "x"), new Row("crm", 5, "4", "y")));

    [Fact]
    public void ModelPriority_FirstListedModelWinsThenItsMostRecentRecord()
        => Assert.Equal("shop/2=s2", Pick(SurvivorshipStrategy.ModelPriority, ["shop", "crm"],
            new Row("crm", 50, "1", "c"), new Row("shop", 10, "1", "s1"), new Row("shop", 20, "2", "s2")));

    [Fact]
    public void ModelPriority_NullsFallThroughToNextModel()
        => Assert.Equal("crm/2=c2", Pick(SurvivorshipStrategy.ModelPriority, ["shop", "crm"],
            new Row("shop", 90, "1", null), new Row("crm", 10, "1", "c1"), new Row("crm", 20, "2", "c2"), new Row("app", 99, "1", "a")));

    [Fact]
    public void ModelPriority_UnlistedModelsComeAfterInConfigOrder()
    {
        // Config order is shop, crm, app: with only app listed, shop outranks crm though crm is more recent.
        Assert.Equal("shop/1=s", Pick(SurvivorshipStrategy.ModelPriority, ["app"],
            new Row("app", 99, "1", null), new Row("crm", 50, "1", "c"), new Row("shop", 10, "1", "s")));
        Assert.Equal("app/1=a", Pick(SurvivorshipStrategy.ModelPriority, ["app"],
            new Row("app", 1, "1", "a"), new Row("crm", 50, "1", "c"), new Row("shop", 10, "1", "s")));
    }

    [Fact]
    public void Longest_CountsCodePointsAndTiesGoToMoreRecent()
        => Assert.Equal("crm/3=wxyz", Pick(SurvivorshipStrategy.Longest, [],
            new Row("crm", 10, "1", "ééé"), new Row("crm", 20, "2", "abcd"), new Row("crm", 30, "3", "wxyz"), new Row("crm", 40, "4", "ab")));

    [Fact]
    public void Max_ComparesByCodePoint()
        => Assert.Equal("crm/3=émile", Pick(SurvivorshipStrategy.Max, [],
            new Row("crm", 10, "1", "Zoe"), new Row("crm", 20, "2", "zoe"), new Row("crm", 30, "3", "émile")));

    [Fact]
    public void Min_ComparesByCodePoint()
        => Assert.Equal("crm/1=Zoe", Pick(SurvivorshipStrategy.Min, [],
            new Row("crm", 10, "1", "Zoe"), new Row("crm", 20, "2", "zoe"), new Row("crm", 30, "3", "émile")));

    [Theory]
    [InlineData(SurvivorshipStrategy.Max, "b")]
    [InlineData(SurvivorshipStrategy.Min, "a")]
    [InlineData(SurvivorshipStrategy.Longest, "bb")]
    public void EqualValues_GoToMoreRecentRecord(SurvivorshipStrategy strategy, string value)
    {
        var winner = Pick(strategy, [],
            new Row("crm", 10, "1", value), new Row("crm", 30, "2", value), new Row("crm", 20, "3", value), new Row("crm", 5, "4", "a" == value ? "b" : "a"));
        Assert.Equal("crm/2=" + value, winner);
    }

    [Fact]
    public void Tie_MoreRecentOrderFieldFirst()
        => Assert.Equal("app/9=a", Pick(SurvivorshipStrategy.LastNonNull, ["crm"],
            new Row("crm", 10, "1", "c"), new Row("app", 11, "9", "a")));

    [Fact]
    public void Tie_EqualOrder_EarlierModelInPriority()
        => Assert.Equal("crm/9=c", Pick(SurvivorshipStrategy.LastNonNull, ["crm", "shop"],
            new Row("shop", 10, "1", "s"), new Row("crm", 10, "9", "c")));

    [Fact]
    public void Tie_EqualOrder_UnlistedModelsAfterListedThenConfigOrder()
    {
        Assert.Equal("app/9=a", Pick(SurvivorshipStrategy.LastNonNull, ["app"],
            new Row("shop", 10, "1", "s"), new Row("crm", 10, "1", "c"), new Row("app", 10, "9", "a")));
        Assert.Equal("shop/9=s", Pick(SurvivorshipStrategy.LastNonNull, [],
            new Row("crm", 10, "1", "c"), new Row("shop", 10, "9", "s")));
    }

    [Fact]
    public void Tie_EqualOrderAndModel_SmallerRecordKeyOrdinal()
    {
        Assert.Equal("crm/1=one", Pick(SurvivorshipStrategy.LastNonNull, [],
            new Row("crm", 10, "2", "two"), new Row("crm", 10, "1", "one")));
        Assert.Equal("crm/10=ten", Pick(SurvivorshipStrategy.LastNonNull, [],
            new Row("crm", 10, "9", "nine"), new Row("crm", 10, "10", "ten"))); // "10" < "9" ordinally
    }

    [Fact]
    public void Tie_FirstNonNullUsesTheSameTieBreaks()
    {
        Assert.Equal("shop/5=s", Pick(SurvivorshipStrategy.FirstNonNull, ["shop"],
            new Row("crm", 10, "1", "c"), new Row("shop", 10, "5", "s"), new Row("crm", 20, "0", "late")));
        Assert.Equal("crm/1=c", Pick(SurvivorshipStrategy.FirstNonNull, ["crm"],
            new Row("crm", 10, "2", "d"), new Row("crm", 10, "1", "c")));
    }

    [Fact]
    public void Tie_MostFrequentEqualCountsUseRecordPrecedence()
        => Assert.Equal("crm/9=c", Pick(SurvivorshipStrategy.MostFrequent, ["crm"],
            new Row("shop", 10, "1", "s"), new Row("crm", 10, "9", "c")));
}
