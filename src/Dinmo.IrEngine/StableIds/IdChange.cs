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

    private static readonly byte[][] Utf8Names = [.. Names.Select(System.Text.Encoding.UTF8.GetBytes)];

    public static IdChangeType Parse(ReadOnlySpan<byte> utf8)
    {
        for (var i = 0; i < Utf8Names.Length; i++)
        {
            if (utf8.SequenceEqual(Utf8Names[i])) return (IdChangeType)i;
        }
        throw new InvalidDataException($"unknown change_type '{System.Text.Encoding.UTF8.GetString(utf8)}', expected one of {string.Join(", ", Names)}");
    }
}
