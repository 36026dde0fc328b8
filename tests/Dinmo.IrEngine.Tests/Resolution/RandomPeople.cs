using Apache.Arrow;
using Apache.Arrow.Types;
using Dinmo.IrEngine.Config;
using Dinmo.IrEngine.Ingest;
using FsCheck;
using FsCheck.Fluent;
using MatchType = Dinmo.IrEngine.Config.MatchType;

namespace Dinmo.IrEngine.Tests.Resolution;

/// <summary>
/// Small random people tables for property tests: values drawn from tiny pools so that links,
/// chains, typos (fuzzy names) and missing values all happen often.
/// </summary>
internal static class RandomPeople
{
    public sealed record Person(string? Email1, string? Email2, string? Phone, string? Name, int Order);

    private static readonly string?[] Emails = ["a@x", "b@x", "c@x", "d@x", null, null];
    private static readonly string?[] Phones = ["1", "2", "3", null];
    private static readonly string?[] Names = ["martin", "martine", "marten", "durand", "durant", "dupont", "zoë", "zoe", null];

    /// <summary>One person with values from the pools.</summary>
    public static Gen<Person> People { get; } =
        from e1 in Gen.Elements(Emails)
        from e2 in Gen.Elements(Emails)
        from phone in Gen.Elements(Phones)
        from name in Gen.Elements(Names)
        from order in Gen.Choose(0, 5)
        select new Person(e1, e2, phone, name, order);

    public static Arbitrary<Person[]> Tables(int maxRows = 14) => People.ArrayOf().Resize(maxRows).ToArbitrary();

    /// <summary>Rule 1: exact email (two columns). Rule 2: exact phone + fuzzy_medium name.</summary>
    public static IdentityGraph Graph(string file = "people.csv") => new()
    {
        Project = "props",
        Source = ConfigSource.InMemory(Path.Combine(Path.GetTempPath(), "props.json")),
        Models =
        [
            new ModelConfig
            {
                Name = "people", Path = file, PrimaryKey = "id", OrderField = "updated",
                Identifiers = [new("email", ["email1", "email2"]), new("phone", ["phone"]), new("name", ["name"])],
                Fields = [new("name", "name")],
            },
        ],
        Identifiers =
        [
            new IdentifierConfig { Name = "email", Standardize = [] },
            new IdentifierConfig { Name = "phone", Standardize = [] },
            new IdentifierConfig { Name = "name", Standardize = [] },
        ],
        Rules =
        [
            new RuleConfig { Id = "r1", Name = "email", Criteria = [new CriterionConfig { Identifiers = ["email"] }] },
            new RuleConfig
            {
                Id = "r2", Name = "phone + name",
                Criteria = [new CriterionConfig { Identifiers = ["phone"] }, new CriterionConfig { Identifiers = ["name"], Match = MatchType.FuzzyMedium }],
            },
        ],
        Golden = new GoldenConfig { Identifiers = [new GoldenColumn("email", SurvivorshipStrategy.MostFrequent)], Fields = [new GoldenColumn("name", SurvivorshipStrategy.LastNonNull)] },
    };

    /// <summary>
    /// One rule with two fuzzy criteria: exact phone + fuzzy_medium name + fuzzy_strong email (both
    /// email columns, so a record may carry two values): records are compared through their tuples of
    /// value sets.
    /// </summary>
    public static IdentityGraph TwoFuzzyCriteriaGraph() => Graph() with
    {
        Rules =
        [
            new RuleConfig
            {
                Id = "r1", Name = "phone + name + email",
                Criteria =
                [
                    new CriterionConfig { Identifiers = ["phone"] },
                    new CriterionConfig { Identifiers = ["name"], Match = MatchType.FuzzyMedium },
                    new CriterionConfig { Identifiers = ["email"], Match = MatchType.FuzzyStrong },
                ],
            },
        ],
    };

    /// <summary>Keys are "p00", "p01", … in row order.</summary>
    public static string Key(int row) => $"p{row:D2}";

    /// <summary>A copy of <paramref name="items"/> in a random order drawn from <paramref name="seed"/> (Fisher–Yates).</summary>
    public static T[] Shuffled<T>(IEnumerable<T> items, int seed)
    {
        var copy = items.ToArray();
        new Random(seed).Shuffle(copy);
        return copy;
    }

    public static ModelInput Input(IdentityGraph graph, IReadOnlyList<Person> people, IReadOnlyList<string>? keys = null)
    {
        var names = new[] { "id", "email1", "email2", "phone", "name", "updated" };
        var schema = new Schema(names.Select(n => new Field(n, n == "updated" ? Int64Type.Default : StringType.Default, true)), null);
        var columns = names.Take(5).Select(_ => new StringArray.Builder()).ToArray();
        var updated = new Int64Array.Builder();
        for (var i = 0; i < people.Count; i++)
        {
            var p = people[i];
            string?[] values = [keys?[i] ?? Key(i), p.Email1, p.Email2, p.Phone, p.Name];
            for (var c = 0; c < values.Length; c++)
            {
                if (values[c] is null) columns[c].AppendNull();
                else columns[c].Append(values[c]);
            }
            updated.Append(p.Order);
        }
        IArrowArray[] arrays = [.. columns.Select(c => (IArrowArray)c.Build()), updated.Build()];
        var batch = new RecordBatch(schema, arrays, people.Count);
        return new ModelInput(graph.Models[0], schema, [new SourceBatch("people.csv", batch)]);
    }
}
