namespace Dinmo.IrEngine.Standardize;

/// <summary>Why an observation takes no part in matching (SPEC §3.2); written to <c>identity_lookup</c>.</summary>
internal enum BlockReason : byte
{
    None,
    BlockedValue,
    BlockedPattern,
    Hub,
}

internal static class BlockReasonNames
{
    public static string? Name(BlockReason reason) => reason switch
    {
        BlockReason.BlockedValue => "blocked_value",
        BlockReason.BlockedPattern => "blocked_pattern",
        BlockReason.Hub => "hub",
        _ => null,
    };
}
