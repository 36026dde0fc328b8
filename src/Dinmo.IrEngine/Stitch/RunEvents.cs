using System.Runtime.CompilerServices;

namespace Dinmo.IrEngine.Stitch;

/// <summary>
/// The events read in one run, as the read left them: its parts' <see cref="EventColumns"/> (one per read slice,
/// their ids already the graph's: <see cref="EventColumns.TranslateIds"/>) side by side, and the events numbered
/// across them in part order, which is the order one read after another gives. Kept where they were read
/// rather than copied into one set of columns: at 10M events the copy was 270 MB of fresh memory. Owns the
/// parts; disposed after the stitch stage has gathered what it needs.
/// </summary>
internal sealed class RunEvents : IDisposable
{
    // Finding an event's part: the part of the first event of each block of 2^BlockShift, then a step or two forward.
    private const int BlockShift = 12;

    private readonly EventColumns[] _parts;
    private readonly int[] _starts; // where each part's events start, and the count last
    private readonly int[] _blockParts;

    public RunEvents(IReadOnlyList<EventColumns> parts)
    {
        _parts = [.. parts];
        _starts = new int[_parts.Length + 1];
        for (var p = 0; p < _parts.Length; p++) _starts[p + 1] = checked(_starts[p] + _parts[p].Count);
        _blockParts = new int[(Count >> BlockShift) + 1];
        var part = 0;
        for (var b = 0; b < _blockParts.Length; b++)
        {
            while (part < _parts.Length - 1 && (b << BlockShift) >= _starts[part + 1]) part++;
            _blockParts[b] = part;
        }
    }

    public int Count => _starts[^1];

    /// <summary>The parts, in read order (<see cref="Locate"/> and <see cref="Ranges"/> map events to them).</summary>
    public IReadOnlyList<EventColumns> Parts => _parts;

    /// <summary>The part holding event <paramref name="e"/>, and the event's index there.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public (EventColumns Part, int Index) Locate(int e)
    {
        var p = _blockParts[e >> BlockShift];
        while (e >= _starts[p + 1]) p++;
        return (_parts[p], e - _starts[p]);
    }

    /// <summary>
    /// The events from <paramref name="start"/> to <paramref name="end"/> part by part: each part's share as its columns,
    /// the share's first and end indexes in the part, and the number of the share's first event.
    /// </summary>
    public IEnumerable<(EventColumns Part, int From, int To, int First)> Ranges(int start, int end)
    {
        for (var p = 0; p < _parts.Length && start < end; p++)
        {
            if (start >= _starts[p + 1]) continue;
            var to = Math.Min(end, _starts[p + 1]);
            yield return (_parts[p], start - _starts[p], to - _starts[p], start);
            start = to;
        }
    }

    public int Model(int e)
    {
        var (part, i) = Locate(e);
        return part.Model(i);
    }

    public int Key(int e)
    {
        var (part, i) = Locate(e);
        return part.Key(i);
    }

    public long Timestamp(int e)
    {
        var (part, i) = Locate(e);
        return part.Timestamp(i);
    }

    public ReadOnlySpan<int> Observations(int e)
    {
        var (part, i) = Locate(e);
        return part.Observations(i);
    }

    public void Dispose()
    {
        foreach (var part in _parts) part.Dispose();
    }
}
