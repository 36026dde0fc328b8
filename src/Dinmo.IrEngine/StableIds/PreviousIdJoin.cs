using Dinmo.IrEngine.Ingest;

namespace Dinmo.IrEngine.StableIds;

/// <summary>
/// Finds each record's row in the previous state by merging the key-ordered record table with the
/// key-ordered state records, model by model (each model's records are contiguous and ascending by
/// key bytes on both sides), instead of looking strings up in a dictionary.
/// </summary>
internal static class PreviousIdJoin
{
    /// <summary>The state row of each record (-1 when none) and, per state row, whether a record of this run has its key.</summary>
    public static (int[] StateRow, bool[] ReadNow) Join(RecordTable records, StateRecords state)
    {
        var stateRow = new int[records.Count];
        Array.Fill(stateRow, -1);
        var readNow = new bool[state.Count];
        foreach (var (model, start, end) in ModelRanges.Of(records))
        {
            var (row, stop) = Range(state, records.ModelNamesUtf8[model]);
            for (var r = start; r < end && row < stop; r++)
            {
                if (records.Status[r] != RecordKeyStatus.Valid) continue;
                var key = records.Key(r);
                var order = -1;
                while (row < stop && (order = state.Key(row).SequenceCompareTo(key)) < 0) row++;
                if (row < stop && order == 0)
                {
                    stateRow[r] = row;
                    readNow[row++] = true;
                }
            }
        }
        return (stateRow, readNow);
    }

    /// <summary>The rows [start, stop) of one model in the state.</summary>
    private static (int Start, int Stop) Range(StateRecords state, ReadOnlySpan<byte> model)
    {
        int lo = 0, hi = state.Count;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (state.ModelName(mid).SequenceCompareTo(model) < 0) lo = mid + 1;
            else hi = mid;
        }
        var stop = lo;
        while (stop < state.Count && state.ModelName(stop).SequenceEqual(model)) stop++;
        return (lo, stop);
    }
}
