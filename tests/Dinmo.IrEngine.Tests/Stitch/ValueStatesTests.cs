using Dinmo.IrEngine.Stitch;

namespace Dinmo.IrEngine.Tests.Stitch;

/// <summary>
/// The profiles a value touched (for <c>max_profiles_per_value</c>): the first two sit in the value's
/// state, the rest in a list, and all read back in the order touched, each once, against a plain list.
/// </summary>
public sealed class ValueStatesTests
{
    [Fact]
    public void Touch_RandomProfilesAndRestarts_AgreeWithAList()
    {
        var random = new Random(20261207);
        var states = new ValueStates();
        states.Grow(8);
        var reference = Enumerable.Range(0, 8).Select(_ => new List<int>()).ToArray();
        for (var step = 0; step < 20_000; step++)
        {
            var value = random.Next(8);
            if (random.Next(40) == 0)
            {
                states.ClearTouched(value);
                reference[value].Clear();
            }
            else
            {
                var profile = random.Next(6);
                if (!reference[value].Contains(profile)) reference[value].Add(profile);
                Assert.Equal(reference[value].Count, states.Touch(value, profile));
            }
            Assert.Equal(reference[value].Count, states.TouchedCount(value));
            Assert.Equal(reference[value], Enumerable.Range(0, states.TouchedCount(value)).Select(i => states.Touched(value, i)));
        }
    }
}
