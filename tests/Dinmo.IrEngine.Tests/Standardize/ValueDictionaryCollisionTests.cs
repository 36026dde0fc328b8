using System.Text;
using Dinmo.IrEngine.Standardize;

namespace Dinmo.IrEngine.Tests.Standardize;

/// <summary>"Exact means exact": even when every value has the same hash, different bytes never share an id.</summary>
public sealed class ValueDictionaryCollisionTests
{
    [Fact]
    public void EveryHashColliding_DifferentValuesStillGetDifferentIds()
    {
        using var values = new ValueDictionary(static _ => 42UL);
        var words = Enumerable.Range(0, 3000).Select(i => $"value-{i}").ToArray();
        var ids = words.Select(w => values.Intern(Encoding.UTF8.GetBytes(w))).ToArray();
        Assert.Equal(words.Length, ids.Distinct().Count());
        for (var i = 0; i < words.Length; i++)
        {
            Assert.Equal(ids[i], values.Intern(Encoding.UTF8.GetBytes(words[i])));
            Assert.Equal(ids[i], values.Find(Encoding.UTF8.GetBytes(words[i])));
            Assert.Equal(words[i], values.GetString(ids[i]));
        }
        Assert.Equal(-1, values.Find("absent"u8));
    }
}
