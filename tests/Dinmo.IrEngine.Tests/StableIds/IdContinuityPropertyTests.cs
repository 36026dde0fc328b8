using Dinmo.IrEngine.Ingest;
using Dinmo.IrEngine.Resolution;
using Dinmo.IrEngine.StableIds;
using Dinmo.IrEngine.Tests.Resolution;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace Dinmo.IrEngine.Tests.StableIds;

/// <summary>
/// Over random sequences of runs (records added, removed, and identifier values of kept records
/// edited), no id is ever issued twice, and a cluster whose records held ids before keeps one of them
/// unless every one was taken by another cluster.
/// </summary>
public sealed class IdContinuityPropertyTests
{
    private sealed record Step(RandomPeople.Person[] Table, int[] Drop, Edit[] Edits);

    /// <summary>
    /// Sets one identifier value (email1, email2, phone or name) of the <see cref="Record"/>-th kept record
    /// (modulo their count) to <see cref="Source"/>'s: a new value, another record's, or null.
    /// </summary>
    private sealed record Edit(int Record, int Identifier, RandomPeople.Person Source)
    {
        public RandomPeople.Person Apply(RandomPeople.Person person) => Identifier switch
        {
            0 => person with { Email1 = Source.Email1 },
            1 => person with { Email2 = Source.Email2 },
            2 => person with { Phone = Source.Phone },
            _ => person with { Name = Source.Name },
        };
    }

    [Property(MaxTest = 60)]
    public Property RunSequences_NeverReuseAnId_AndKeepHeldIds()
    {
        var edits = from record in Gen.Choose(0, 9)
                    from identifier in Gen.Choose(0, 3)
                    from source in RandomPeople.People
                    select new Edit(record, identifier, source);
        var steps = (from table in RandomPeople.Tables(10).Generator
                     from drop in Gen.Choose(0, 19).ArrayOf()
                     from edit in edits.ArrayOf()
                     select new Step(table, drop, edit)).ArrayOf().Resize(5);
        return Prop.ForAll(steps.ToArbitrary(), sequence =>
        {
            var graph = RandomPeople.Graph();
            var state = IdState.Empty();
            var issued = new HashSet<string>(StringComparer.Ordinal);
            var people = new Dictionary<string, RandomPeople.Person>();
            var next = 0;
            for (var run = 0; run < sequence.Length; run++)
            {
                // Drop some previous records, edit values of some kept ones, add new ones. Most records are
                // kept, so most clusters hold ids from the run before and the edits move them between clusters.
                var kept = people.Where((p, i) => !sequence[run].Drop.Contains(i)).ToDictionary(p => p.Key, p => p.Value);
                var keptKeys = kept.Keys.ToArray();
                foreach (var edit in keptKeys.Length == 0 ? [] : sequence[run].Edits)
                {
                    var key = keptKeys[edit.Record % keptKeys.Length];
                    kept[key] = edit.Apply(kept[key]);
                }
                foreach (var added in sequence[run].Table) kept[$"q{next++:D3}"] = added;
                people = kept;
                var keys = people.Keys.ToArray();
                using var loaded = RecordLoader.Load(graph, [Input(graph, keys, keys.Select(k => people[k]).ToArray())]);
                using var result = Resolver.Resolve(graph, loaded, new StageClock(), state, $"run{run}");
                var history = result.NextState.History;
                var created = history.Rows.Where(h => history.RunIds[h.Run] == $"run{run}" && h.Type == IdChangeType.Created).Select(h => h.Id.ToString()).ToList();
                foreach (var id in created)
                {
                    if (!issued.Add(id)) return false; // issued twice
                }
                var taken = Enumerable.Range(0, result.DinmoIdValues.Length).Select(result.DinmoIdText).OfType<string>().ToHashSet(StringComparer.Ordinal);
                for (var c = 0; c < result.Clusters.ClusterCount; c++)
                {
                    if (result.DinmoIdText(c) is not { } id || !created.Contains(id)) continue;
                    var held = result.Clusters.MembersOf(c).ToArray().Select(result.PreviousDinmoId).OfType<string>().ToArray();
                    // A new id while holding old ones is only allowed when every held id went to another cluster.
                    if (held.Any(h => !taken.Contains(h))) return false;
                }
                state = result.NextState;
            }
            return true;
        });
    }

    private static ModelInput Input(Dinmo.IrEngine.Config.IdentityGraph graph, string[] keys, RandomPeople.Person[] people)
    {
        var input = RandomPeople.Input(graph, people);
        // Replace the row-number keys with the stable keys of this sequence.
        var batch = input.Batches.Single().Batch;
        var ids = new Apache.Arrow.StringArray.Builder();
        foreach (var k in keys) ids.Append(k);
        var arrays = batch.Arrays.ToArray();
        arrays[0] = ids.Build();
        return input with { Batches = [new SourceBatch("people.csv", new Apache.Arrow.RecordBatch(batch.Schema, arrays, batch.Length))] };
    }
}
