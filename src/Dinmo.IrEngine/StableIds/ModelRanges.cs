using Dinmo.IrEngine.Ingest;

namespace Dinmo.IrEngine.StableIds;

/// <summary>Each model's contiguous record range in the record table, listed by model name in UTF-8 byte order (the state's order).</summary>
internal static class ModelRanges
{
    public static List<(int Model, int Start, int End)> Of(RecordTable records)
    {
        var ranges = new List<(int Model, int Start, int End)>();
        for (var r = 0; r < records.Count;)
        {
            var model = records.Model[r];
            var start = r;
            while (r < records.Count && records.Model[r] == model) r++;
            ranges.Add((model, start, r));
        }
        ranges.Sort((a, b) => records.ModelNamesUtf8[a.Model].AsSpan().SequenceCompareTo(records.ModelNamesUtf8[b.Model]));
        return ranges;
    }
}
