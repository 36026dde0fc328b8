using Dinmo.IrEngine.Config;
using Dinmo.IrEngine.Standardize;

namespace Dinmo.IrEngine.Stitch;

/// <summary>
/// One identifier's policy compiled for a run: its rank in lookup order (0 = strongest = lowest
/// priority number), standardization and block list (shared with Profile Resolution), and the
/// stitching limits. Owns its <see cref="Standardizer"/>; used by one thread.
/// </summary>
internal sealed class IdentifierPolicy : IDisposable
{
    private IdentifierPolicy(int rank, EventIdentifierConfig config)
    {
        Rank = rank;
        Config = config;
        Standardizer = new Standardizer(config.Standardize);
        BlockList = new BlockList(config.AsBlockListIdentifier());
    }

    public int Rank { get; }
    public EventIdentifierConfig Config { get; }
    public string Name => Config.Name;
    public Standardizer Standardizer { get; }
    public BlockList BlockList { get; }

    /// <summary>Whether a value last seen at <paramref name="lastSeen"/> no longer matches an event at <paramref name="timestamp"/>.</summary>
    public bool IsExpired(long lastSeen, long timestamp) =>
        Config.Lifetime is { } lifetime && lastSeen != long.MinValue && timestamp > lifetime.AddTo(lastSeen);

    /// <summary>The policies of a config in lookup order: priority ascending.</summary>
    public static IReadOnlyList<IdentifierPolicy> Compile(EventGraph graph) =>
        graph.Identifiers.OrderBy(i => i.Priority).Select((config, rank) => new IdentifierPolicy(rank, config)).ToList();

    public void Dispose() => Standardizer.Dispose();
}
