using Apache.Arrow;
using Dinmo.IrEngine.Ingest;

namespace Dinmo.IrEngine.Stitch;

/// <summary>
/// Part of one model's input that one thread reads (<see cref="EventReader.Read"/>): whole files, or a
/// run of a Parquet file's row groups, in file order. A model's slices, read in order, are its input
/// read in order. <paramref name="Index"/> counts the model's slices from 0; <paramref name="Rows"/> is
/// what the footers promise for the slice, <paramref name="ModelRows"/> for the whole model (null when a
/// file does not say).
/// </summary>
internal sealed record ReadSlice(int Model, int Index, IReadOnlyList<SourceRange> Ranges, long? Rows, long? ModelRows)
{
    /// <summary>
    /// Below this many rows a model is never split: each later slice costs one more pass interning its
    /// keys into the model's dictionary after the parallel read, which only pays off for large inputs.
    /// </summary>
    public const long MinRows = 1 << 16;

    /// <summary>
    /// The slices of every model, in model order then file order. With one thread each model is one slice;
    /// with more, a model larger than a share of all rows (at least <paramref name="minRows"/>) is cut at row group
    /// boundaries into slices of about that many rows (a row group larger than a share is a slice of its own). The
    /// share is a thread's rows when the slices, taken in order by the next free thread, still keep the threads
    /// evenly loaded (<see cref="Balanced"/>), else half of that: every slice but a model's first repeats much of
    /// the model's values and keys in dictionaries of its own (at 10M events each was 200 MB of memory and a merge),
    /// so the fewest slices that balance win. How a model is cut changes no result: <see cref="StitchPipeline"/>
    /// merges the slices back in order.
    /// </summary>
    public static List<ReadSlice> Plan(IReadOnlyList<IReadOnlyList<ITableSource>> sources, int threads, long minRows = MinRows)
    {
        var known = sources.SelectMany(s => s).All(s => s.RowCount is not null);
        var total = known ? sources.SelectMany(s => s).Sum(s => s.RowCount!.Value) : 0;
        var perThread = total / Math.Max(threads, 1);
        var coarse = Cut(sources, threads, Math.Max(minRows, perThread));
        return Balanced(coarse, threads, perThread) ? coarse : Cut(sources, threads, Math.Max(minRows, perThread / 2));
    }

    /// <summary>
    /// Whether <paramref name="slices"/>, each taken in order by the thread that is free first, load no thread more than
    /// an eighth above <paramref name="perThread"/> rows (ParallelActions runs them so; rows stand in for time).
    /// </summary>
    internal static bool Balanced(IReadOnlyList<ReadSlice> slices, int threads, long perThread)
    {
        if (threads <= 1 || slices.Any(s => s.Rows is null)) return true;
        var loads = new long[threads];
        foreach (var slice in slices)
        {
            var first = System.Array.IndexOf(loads, loads.Min());
            loads[first] += slice.Rows!.Value;
        }
        return loads.Max() <= perThread + perThread / 8;
    }

    private static List<ReadSlice> Cut(IReadOnlyList<IReadOnlyList<ITableSource>> sources, int threads, long share)
    {
        var known = sources.SelectMany(s => s).All(s => s.RowCount is not null);
        var slices = new List<ReadSlice>();
        for (var m = 0; m < sources.Count; m++)
        {
            var rows = known ? sources[m].Sum(s => s.RowCount!.Value) : (long?)null;
            if (threads <= 1 || rows is null || rows <= share)
            {
                slices.Add(new ReadSlice(m, 0, [.. sources[m].Select(SourceRange.Whole)], rows, rows));
                continue;
            }
            var index = 0;
            var ranges = new List<SourceRange>();
            long sliceRows = 0;
            void Close()
            {
                if (ranges.Count == 0) return;
                slices.Add(new ReadSlice(m, index++, ranges, sliceRows, rows));
                ranges = [];
                sliceRows = 0;
            }
            foreach (var source in sources[m])
            {
                if (source is not IRowGroupSource groups)
                {
                    if (sliceRows > 0 && sliceRows + source.RowCount!.Value > share) Close();
                    ranges.Add(SourceRange.Whole(source));
                    sliceRows += source.RowCount!.Value;
                    continue;
                }
                var first = 0;
                for (var g = 0; g < groups.RowGroupCount; g++)
                {
                    var groupRows = groups.RowGroupRows(g);
                    if (sliceRows > 0 && sliceRows + groupRows > share)
                    {
                        if (g > first) ranges.Add(new SourceRange(source, first, g - first));
                        first = g;
                        Close();
                    }
                    sliceRows += groupRows;
                }
                if (groups.RowGroupCount > first) ranges.Add(new SourceRange(source, first, groups.RowGroupCount - first));
            }
            Close();
        }
        return slices;
    }
}

/// <summary>A whole file (<paramref name="RowGroups"/> -1) or <paramref name="RowGroups"/> row groups of it from <paramref name="FirstRowGroup"/> on.</summary>
internal readonly record struct SourceRange(ITableSource Source, int FirstRowGroup, int RowGroups)
{
    public static SourceRange Whole(ITableSource source) => new(source, 0, -1);

    public IEnumerable<RecordBatch> ReadBatches() =>
        RowGroups < 0 ? Source.ReadBatches() : ((IRowGroupSource)Source).ReadRowGroups(FirstRowGroup, RowGroups);
}
