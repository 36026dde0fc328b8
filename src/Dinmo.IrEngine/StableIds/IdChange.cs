namespace Dinmo.IrEngine.StableIds;

/// <summary>
/// One row of <c>identity_id_history</c>: <see cref="Run"/> indexes <see cref="IdChangeLog.RunIds"/>;
/// <see cref="Into"/> is meaningful only when <see cref="HasInto"/> (merged and split rows).
/// </summary>
internal readonly record struct IdChange(DinmoId Id, IdChangeType Type, DinmoId Into, bool HasInto, int Run, long RunSequence);

/// <summary>Kinds of id change, numbered in the code-point order of their names, which is the table's order.</summary>
internal enum IdChangeType : byte
{
    Created,
    Merged,
    Retired,
    Split,
}

/// <summary>The <c>change_type</c> text of each <see cref="IdChangeType"/>.</summary>
internal static class IdChangeTypeNames
{
    private static readonly string[] Names = ["created", "merged", "retired", "split"];

    public static string Name(IdChangeType type) => Names[(int)type];

    public static IdChangeType Parse(string name) => Array.IndexOf(Names, name) is var i and >= 0
        ? (IdChangeType)i
        : throw new InvalidDataException($"unknown change_type '{name}', expected one of {string.Join(", ", Names)}");
}
