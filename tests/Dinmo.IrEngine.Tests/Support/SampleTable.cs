using Apache.Arrow;
using Apache.Arrow.Types;

namespace Dinmo.IrEngine.Tests.Support;

/// <summary>A small table with every column type the output writers support, nulls and awkward strings included.</summary>
internal static class SampleTable
{
    public static readonly TimestampType Micros = new(TimeUnit.Microsecond, "UTC");
    public static readonly TimestampType Millis = new(TimeUnit.Millisecond, "UTC");

    public static Schema Schema { get; } = new Schema.Builder()
        .Field(new Field("name", StringType.Default, true))
        .Field(new Field("flag", BooleanType.Default, true))
        .Field(new Field("small", Int32Type.Default, true))
        .Field(new Field("big", Int64Type.Default, true))
        .Field(new Field("score", DoubleType.Default, true))
        .Field(new Field("seen_at", Micros, true))
        .Field(new Field("seen_ms", Millis, true))
        .Field(new Field("day", Date32Type.Default, true))
        .Field(new Field("tags", new ListType(StringType.Default), true))
        .Field(new Field("scores", new ListType(DoubleType.Default), true))
        .Build();

    /// <summary>The exact CSV the writer must produce for <see cref="Batch"/>.</summary>
    public const string Csv = """""
        name,flag,small,big,score,seen_at,seen_ms,day,tags,scores
        alice,true,1,10000000000,0.93,2024-05-01T10:00:00Z,2024-05-01T10:00:00.123Z,2024-05-01,"[""a"",""b""]","[0.93,1]"
        "",false,-2,-3,1,2024-05-01T10:00:00.5Z,1970-01-01T00:00:00Z,1970-01-01,[],[]
        ,,,,,,,,,
        "comma, ""quote""
        line",true,0,0,1E+20,1969-12-31T23:59:59.999999Z,2024-01-01T00:00:00Z,1999-12-31,"[""x,y"",null,""q\\\""""]","[null,-0.5]"
        héllo 日本,false,2147483647,9223372036854775807,-1.5E-07,2000-02-29T12:34:56.000001Z,2000-02-29T12:34:56Z,2000-02-29,"[""""]",[2]

        """"";

    public static RecordBatch Batch()
    {
        var t0 = new DateTimeOffset(2024, 5, 1, 10, 0, 0, TimeSpan.Zero);
        var names = new StringArray.Builder().Append("alice").Append("").AppendNull().Append("comma, \"quote\"\nline").Append("héllo 日本").Build();
        var flags = new BooleanArray.Builder().Append(true).Append(false).AppendNull().Append(true).Append(false).Build();
        var smalls = new Int32Array.Builder().Append(1).Append(-2).AppendNull().Append(0).Append(int.MaxValue).Build();
        var bigs = new Int64Array.Builder().Append(10_000_000_000).Append(-3).AppendNull().Append(0).Append(long.MaxValue).Build();
        var scores = new DoubleArray.Builder().Append(0.93).Append(1.0).AppendNull().Append(1e20).Append(-1.5e-7).Build();
        var seen = new TimestampArray.Builder(Micros)
            .Append(t0).Append(t0.AddMilliseconds(500)).AppendNull()
            .Append(DateTimeOffset.UnixEpoch.AddTicks(-10))
            .Append(new DateTimeOffset(2000, 2, 29, 12, 34, 56, TimeSpan.Zero).AddTicks(10)).Build();
        var seenMs = new TimestampArray.Builder(Millis)
            .Append(t0.AddMilliseconds(123)).Append(DateTimeOffset.UnixEpoch).AppendNull()
            .Append(new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero))
            .Append(new DateTimeOffset(2000, 2, 29, 12, 34, 56, TimeSpan.Zero)).Build();
        var days = new Date32Array.Builder()
            .Append(new DateTime(2024, 5, 1)).Append(new DateTime(1970, 1, 1)).AppendNull()
            .Append(new DateTime(1999, 12, 31)).Append(new DateTime(2000, 2, 29)).Build();

        var tags = new ListArray.Builder(StringType.Default);
        var tagValues = (StringArray.Builder)tags.ValueBuilder;
        tags.Append(); tagValues.Append("a").Append("b");
        tags.Append();
        tags.AppendNull();
        tags.Append(); tagValues.Append("x,y").AppendNull().Append("q\\\"");
        tags.Append(); tagValues.Append("");

        var lists = new ListArray.Builder(DoubleType.Default);
        var listValues = (DoubleArray.Builder)lists.ValueBuilder;
        lists.Append(); listValues.Append(0.93).Append(1.0);
        lists.Append();
        lists.AppendNull();
        lists.Append(); listValues.AppendNull().Append(-0.5);
        lists.Append(); listValues.Append(2);

        return new RecordBatch(Schema,
            [names, flags, smalls, bigs, scores, seen, seenMs, days, tags.Build(), lists.Build()], 5);
    }
}
