namespace Dinmo.IrEngine.Stitch;

/// <summary>Tables with a row per (profile, value entry): the state's <c>profile_values</c> and the output's identifier values.</summary>
internal static class ProfileValueRows
{
    /// <summary>
    /// Prefetch steps for such rows: in table order each row's entry and value bytes are random reads,
    /// a chain (entry, then the value's offsets, then its bytes) started rows ahead, farthest step first.
    /// </summary>
    public static TableColumns<(EventProfile Profile, int Entry)> PrefetchingValues(this TableColumns<(EventProfile Profile, int Entry)> columns,
        ProfileValues onProfiles, IdentifierValues values) => columns
        .PrefetchingEntries(onProfiles)
        .Prefetch(8, r => values.PrefetchOffsets(onProfiles[r.Entry].Value))
        .Prefetch(4, r => values.PrefetchBytes(onProfiles[r.Entry].Value));

    /// <summary>The first step of <see cref="PrefetchingValues"/> alone, for a table that reads only the rows' entries.</summary>
    public static TableColumns<(EventProfile Profile, int Entry)> PrefetchingEntries(this TableColumns<(EventProfile Profile, int Entry)> columns,
        ProfileValues onProfiles) => columns.Prefetch(16, r => onProfiles.PrefetchEntry(r.Entry));
}
