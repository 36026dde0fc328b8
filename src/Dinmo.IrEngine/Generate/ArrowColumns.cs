using Apache.Arrow;
using Apache.Arrow.Types;

namespace Dinmo.IrEngine.Generate;

/// <summary>Builds one Arrow column from a slice of generated rows; a null selector result is an Arrow null.</summary>
internal static class ArrowColumns
{
    public static StringArray Strings(IReadOnlyList<ProfileCopy> rows, int start, int count, Func<ProfileCopy, string?> value)
    {
        var builder = new StringArray.Builder();
        for (var i = start; i < start + count; i++)
        {
            if (value(rows[i]) is { } text) builder.Append(text);
            else builder.AppendNull();
        }
        return builder.Build();
    }

    public static Int64Array Int64s(IReadOnlyList<ProfileCopy> rows, int start, int count, Func<ProfileCopy, long?> value)
    {
        var builder = new Int64Array.Builder();
        for (var i = start; i < start + count; i++)
        {
            if (value(rows[i]) is { } number) builder.Append(number);
            else builder.AppendNull();
        }
        return builder.Build();
    }

    public static TimestampArray Timestamps(IReadOnlyList<ProfileCopy> rows, int start, int count, TimestampType type,
        Func<ProfileCopy, DateTimeOffset?> value)
    {
        var builder = new TimestampArray.Builder(type);
        for (var i = start; i < start + count; i++)
        {
            if (value(rows[i]) is { } at) builder.Append(at);
            else builder.AppendNull();
        }
        return builder.Build();
    }

    public static Date32Array Dates(IReadOnlyList<ProfileCopy> rows, int start, int count, Func<ProfileCopy, DateOnly?> value)
    {
        var builder = new Date32Array.Builder();
        for (var i = start; i < start + count; i++)
        {
            if (value(rows[i]) is { } day) builder.Append(day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc));
            else builder.AppendNull();
        }
        return builder.Build();
    }
}
