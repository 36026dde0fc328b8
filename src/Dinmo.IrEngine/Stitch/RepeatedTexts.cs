using System.Text;

namespace Dinmo.IrEngine.Stitch;

/// <summary>
/// What the text of a cell means, worked out once per distinct text of a column that repeats a few (model names,
/// reasons, statuses, identifier names, run ids): reading a state back decoded a string and looked it up on each of
/// millions of rows. Texts are told apart by their UTF-8 bytes; up to <see cref="MaxTexts"/> are kept, past that the
/// meaning is worked out again each time (the same meaning: it depends on the text only).
/// </summary>
internal sealed class RepeatedTexts<T>(Func<string, T> meaning)
{
    private const int MaxTexts = 256;

    private readonly List<(byte[] Utf8, T Meaning)> _seen = [];
    private int _last;

    public T Of(ReadOnlySpan<byte> utf8)
    {
        // Rows sorted by such a column repeat the last text: it is compared first.
        if (_seen.Count > 0 && utf8.SequenceEqual(_seen[_last].Utf8)) return _seen[_last].Meaning;
        for (var i = 0; i < _seen.Count; i++)
        {
            if (!utf8.SequenceEqual(_seen[i].Utf8)) continue;
            _last = i;
            return _seen[i].Meaning;
        }
        var result = meaning(Encoding.UTF8.GetString(utf8));
        if (_seen.Count < MaxTexts)
        {
            _seen.Add((utf8.ToArray(), result));
            _last = _seen.Count - 1;
        }
        return result;
    }
}
