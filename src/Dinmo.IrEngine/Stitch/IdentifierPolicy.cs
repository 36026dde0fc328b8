using Dinmo.IrEngine.Config;
using Dinmo.IrEngine.Standardize;

namespace Dinmo.IrEngine.Stitch;

/// <summary>
/// One identifier's policy compiled for a run: its rank in lookup order (0 = strongest = lowest
/// priority number), block list (shared with Profile Resolution; read-only, so shared by threads),
/// and the stitching limits. Standardization is per reading thread (<see cref="EventReader"/>).
/// </summary>
internal sealed class IdentifierPolicy
{
    private IdentifierPolicy(int rank, EventIdentifierConfig config)
    {
        Rank = rank;
        Config = config;
        BlockList = new BlockList(config.AsBlockListIdentifier());
    }

    public int Rank { get; }
    public EventIdentifierConfig Config { get; }
    public string Name => Config.Name;
    public BlockList BlockList { get; }

    /// <summary>Whether a value last seen at <paramref name="lastSeen"/> no longer matches an event at <paramref name="timestamp"/>.</summary>
    public bool IsExpired(long lastSeen, long timestamp) =>
        Config.Lifetime is { } lifetime && lastSeen != long.MinValue && timestamp > lifetime.AddTo(lastSeen);

    /// <summary>The policies of a config in lookup order: priority ascending.</summary>
    public static IReadOnlyList<IdentifierPolicy> Compile(EventGraph graph) =>
        graph.Identifiers.OrderBy(i => i.Priority).Select((config, rank) => new IdentifierPolicy(rank, config)).ToList();
}
