using Dinmo.IrEngine.Columnar;

namespace Dinmo.IrEngine.Stitch;

/// <summary>Tables with a row per profile in id order: the output's profiles and redirects.</summary>
internal static class ProfileRows
{
    /// <summary>
    /// Prefetch steps for such rows: in id order each row reads its profile, its id's bytes, its sightings, its
    /// values' chain and first entry, and its survivor and the survivor's id, all at random places. The chain
    /// (the profile, then what it points to, then the survivor's id) is started rows ahead, farthest step first.
    /// A hint only: no effect on the table.
    /// </summary>
    public static TableColumns<EventProfile> PrefetchingProfiles(this TableColumns<EventProfile> columns, ProfileGraph graph, int[] survivors) => columns
        .Prefetch(16, EventProfile.Prefetch)
        .Prefetch(8, p =>
        {
            p.PrefetchId();
            graph.Sightings.Prefetch(p.Index);
            graph.ProfileValues.PrefetchProfile(p.Index);
            CacheHint.Prefetch(ref survivors[p.Index]);
        })
        .Prefetch(4, p =>
        {
            graph.ProfileValues.PrefetchFirstEntry(p.Index);
            EventProfile.Prefetch(graph.Profiles[survivors[p.Index]]);
        })
        .Prefetch(2, p => graph.Profiles[survivors[p.Index]].PrefetchId());
}
