using Dinmo.IrEngine.Columnar;

namespace Dinmo.IrEngine.Cluster;

/// <summary>
/// The links rules made, one per (rule, left record, right record) with left &lt; right, and the
/// scores of the rule's fuzzy criteria. <see cref="Seal"/> sorts them into <c>match_pairs</c> order
/// (rule order, left key, right key: ids follow key order) and removes repeats, keeping the highest
/// scores. Owned by the pipeline.
/// </summary>
internal sealed class LinkSet : IDisposable
{
    private readonly GrowableArray<int> _rule = new();
    private readonly GrowableArray<int> _left = new();
    private readonly GrowableArray<int> _right = new();
    private readonly GrowableArray<int> _group = new();
    private int _groups;
    private readonly GrowableArray<int> _scoreStart = new();
    private readonly GrowableArray<double> _scores = new();
    private int[] _order = [];

    public int Count => _order.Length;

    /// <summary>A new candidate-group id: the links of one group stand for every pair of its records.</summary>
    public int NewGroup() => _groups++;

    /// <param name="group">The candidate group the link stands for (star links to its smallest record), or -1 for a single pair.</param>
    public void Add(int rule, int a, int b, ReadOnlySpan<double> scores = default, int group = -1)
    {
        if (a == b) return;
        _group.Add(group);
        _rule.Add(rule);
        _left.Add(Math.Min(a, b));
        _right.Add(Math.Max(a, b));
        _scoreStart.Add(_scores.Count);
        foreach (var s in scores) _scores.Add(s);
    }

    /// <summary>Sorts and removes repeated (rule, left, right) links; call after every rule ran (again after adding more).</summary>
    public void Seal()
    {
        var n = _rule.Count;
        var order = new int[n];
        for (var i = 0; i < n; i++) order[i] = i;
        var rule = _rule.ToArray();
        var left = _left.ToArray();
        var right = _right.ToArray();
        Array.Sort(order, (a, b) =>
        {
            var c = rule[a].CompareTo(rule[b]);
            if (c == 0) c = left[a].CompareTo(left[b]);
            if (c == 0) c = right[a].CompareTo(right[b]);
            if (c == 0) c = -Scores(a).SequenceCompareTo(Scores(b)); // best scores first among repeats
            return c != 0 ? c : a.CompareTo(b);
        });
        var kept = new List<int>(n);
        foreach (var i in order)
        {
            if (kept.Count > 0)
            {
                var last = kept[^1];
                if (rule[last] == rule[i] && left[last] == left[i] && right[last] == right[i]) continue;
            }
            kept.Add(i);
        }
        _order = [.. kept];
    }

    /// <summary>The i-th link in match_pairs order.</summary>
    public (int Rule, int Left, int Right) this[int i]
    {
        get
        {
            var at = _order[i];
            return (_rule[at], _left[at], _right[at]);
        }
    }

    public ReadOnlySpan<double> ScoresOf(int i) => Scores(_order[i]);

    /// <summary>The candidate group of the i-th link, or -1.</summary>
    public int GroupOf(int i) => _group[_order[i]];

    private ReadOnlySpan<double> Scores(int at)
    {
        var start = _scoreStart[at];
        var end = at + 1 < _scoreStart.Count ? _scoreStart[at + 1] : _scores.Count;
        return _scores.AsSpan()[start..end];
    }

    public void Dispose()
    {
        _rule.Dispose();
        _left.Dispose();
        _right.Dispose();
        _group.Dispose();
        _scoreStart.Dispose();
        _scores.Dispose();
    }
}
