namespace Dinmo.IrEngine.Stitch;

/// <summary>
/// One standardized identifier value: the identifier's rank in priority order (0 = strongest) and the
/// value. Equality is ordinal on the value; hashing is only for in-memory lookups, never for order.
/// </summary>
internal readonly record struct ValueKey(int Identifier, string Value);
