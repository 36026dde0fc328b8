using Dinmo.IrEngine.Output;

namespace Dinmo.IrEngine.Generate;

/// <summary>
/// Writes a deterministic synthetic demo project: <c>crm_contacts.csv</c>, <c>shop_customers.parquet</c>,
/// <c>app_users.arrow</c>, <c>ground_truth.csv</c> and the identity graph <c>demo.json</c>. The same
/// (persons, seed) gives byte-identical files on any machine: all randomness comes from
/// <see cref="SeededRandom"/>, and files are written by the engine's deterministic writers.
/// Entry point of <c>irengine generate --demo &lt;dir&gt; [--persons N] [--seed S]</c>.
/// </summary>
internal static class DemoGenerator
{
    /// <summary>The committed demo (<c>data/demo</c>): about 1,500 persons, a few thousand records.</summary>
    public const int DefaultPersons = 1500;
    public const ulong DefaultSeed = 20240501;

    /// <summary>Generates <paramref name="persons"/> persons with <paramref name="seed"/> into <paramref name="directory"/> (created if needed; existing files replaced).</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="persons"/> is below 1.</exception>
    /// <exception cref="Errors.OutputException">A file cannot be written.</exception>
    public static GeneratedDemo Write(string directory, int persons = DefaultPersons, ulong seed = DefaultSeed)
    {
        ArgumentException.ThrowIfNullOrEmpty(directory);
        ArgumentOutOfRangeException.ThrowIfLessThan(persons, 1);

        // One forked stream per concern: changing how noise is drawn does not reshuffle who the persons are.
        var root = new SeededRandom(seed);
        var people = new PersonFactory(root.Fork()).Create(persons);
        var planner = new CopyPlanner(root.Fork(), new NoiseModel(root.Fork()));

        var plans = SourcePlans();
        var copies = planner.Plan(plans, people);

        var models = new List<WrittenTable>(plans.Length);
        var truth = new GroundTruth();
        for (var p = 0; p < plans.Length; p++)
        {
            models.Add(SourceModelWriter.Write(directory, plans[p].Table, copies[p]));
            truth.Add(plans[p].Table, copies[p]);
        }
        var truthTable = truth.Write(directory);
        var graph = DemoGraph.Write(directory);
        return new GeneratedDemo(graph, models, truthTable, persons, seed);
    }

    /// <summary>The three source models and how persons show up in each; shared with <see cref="ScaleGenerator"/>.</summary>
    public static SourcePlan[] SourcePlans() =>
    [
        new(new CrmContactsTable(), Presence: 0.65, CustomerIdRate: 0.97, EmailTag: "crm"),
        new(new ShopCustomersTable(), Presence: 0.6, CustomerIdRate: 0.6, EmailTag: "shop"),
        new(new AppUsersTable(), Presence: 0.55, CustomerIdRate: 0, EmailTag: "app"),
    ];
}
