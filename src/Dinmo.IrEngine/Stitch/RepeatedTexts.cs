using System.Text;
using Dinmo.IrEngine.Standardize;

namespace Dinmo.IrEngine.Stitch;

/// <summary>
/// What the text of a cell means, worked out once per distinct text of a column that repeats its texts (model names,
/// reasons, statuses, identifier names, run ids, change types, most details): reading a state back decoded a string and
/// looked it up on each of millions of rows. Texts are told apart by their UTF-8 bytes (a <see cref="ValueDictionary"/>),
/// and a text's meaning depends on the text only. One instance per column.
/// </summary>
internal sealed class RepeatedTexts<T>(Func<string, T> meaning) : IDisposable
{
    private readonly ValueDictionary _texts = new();
    private readonly List<T> _meanings = [];
    private int _last = -1;

    public T Of(ReadOnlySpan<byte> utf8)
    {
        // Rows sorted by such a column repeat the last text: it is compared first.
        if (_last >= 0 && utf8.SequenceEqual(_texts[_last])) return _meanings[_last];
        var id = _texts.Find(utf8);
        if (id < 0)
        {
            var result = meaning(Encoding.UTF8.GetString(utf8)); // may throw (a damaged state): nothing is kept then
            id = _texts.Intern(utf8);
            _meanings.Add(result);
        }
        _last = id;
        return _meanings[id];
    }

    public void Dispose() => _texts.Dispose();
}
