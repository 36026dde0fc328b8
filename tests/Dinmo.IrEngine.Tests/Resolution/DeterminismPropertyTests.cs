using Dinmo.IrEngine.Tests.Support;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace Dinmo.IrEngine.Tests.Resolution;

/// <summary>Shuffling input rows, or changing the thread count, changes no byte of any output table.</summary>
public sealed class DeterminismPropertyTests
{
    [Property(MaxTest = 15)]
    public Property ShuffledRowsAndThreads_GiveByteIdenticalTables() =>
        Prop.ForAll(RandomPeople.Tables(20), Gen.Choose(0, int.MaxValue).ToArbitrary(), (people, seed) =>
        {
            using var dir = new TempDirectory();
            var rows = people.Select((p, i) => Line(RandomPeople.Key(i), p)).ToArray();
            var shuffled = RandomPeople.Shuffled(rows, seed);
            var first = Run(dir, "a", rows, threads: 1);
            var second = Run(dir, "b", shuffled, threads: 8);
            return first.Count == second.Count && first.All(f => second.TryGetValue(f.Key, out var s) && s.SequenceEqual(f.Value));
        });

    private static string Line(string key, RandomPeople.Person p) =>
        string.Join(',', key, p.Email1, p.Email2, p.Phone, p.Name, p.Order.ToString(System.Globalization.CultureInfo.InvariantCulture));

    private static Dictionary<string, byte[]> Run(TempDirectory dir, string name, string[] rows, int threads)
    {
        var folder = Path.Combine(dir.Path, name);
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "people.csv"), "id,email1,email2,phone,name,updated\n" + string.Concat(rows.Select(r => r + "\n")));
        File.WriteAllText(Path.Combine(folder, "graph.json"), GraphJson);
        Pipeline.Resolve(new ResolveOptions
        {
            GraphPath = Path.Combine(folder, "graph.json"), OutputDirectory = Path.Combine(folder, "out"),
            RunId = "fixed", Threads = threads, Format = Dinmo.IrEngine.Config.OutputFormat.Arrow,
        });
        var tables = ResolveScenario.Snapshot(Path.Combine(folder, "out"));
        tables.Remove("run_summary.json"); // holds timings and paths
        return tables;
    }

    private const string GraphJson = """
        {
          "project": "props",
          "models": [ { "name": "people", "path": "people.csv", "primary_key": "id", "order_field": "updated",
                        "identifiers": { "email": ["email1", "email2"], "phone": ["phone"], "name": ["name"] },
                        "fields": { "name": "name" } } ],
          "identifiers": [ { "name": "email", "max_unique_values": 2 }, { "name": "phone" }, { "name": "name" } ],
          "rules": [
            { "name": "email", "criteria": [ { "identifiers": ["email"], "match": "exact" } ] },
            { "name": "phone + name", "criteria": [ { "identifiers": ["phone"], "match": "exact" },
                                                   { "identifiers": ["name"], "match": "fuzzy_medium" } ] }
          ],
          "golden": { "identifiers": { "email": "most_frequent", "phone": "last_non_null" },
                      "fields": { "name": "longest" }, "model_priority": ["people"] }
        }
        """;
}
