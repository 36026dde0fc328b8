using Dinmo.IrEngine.Stitch;

namespace Dinmo.IrEngine.Tests.Stitch;

/// <summary>The run's events numbered across their read parts: every number finds its part and place, whatever the parts' sizes.</summary>
public sealed class RunEventsTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void EveryEvent_FoundInItsPart_AndRangesCoverThemInOrder(int seed)
    {
        var random = new Random(seed);
        // Parts from empty to several blocks of events long; each event's timestamp is its number across the parts.
        var parts = new List<EventColumns>();
        var next = 0;
        for (var p = 0; p < 30; p++)
        {
            var part = new EventColumns();
            int[] sizes = [0, 1, random.Next(2, 5_000), random.Next(5_000, 20_000)];
            for (var size = sizes[random.Next(sizes.Length)]; size > 0; size--)
            {
                part.Add(p % 3, next % 7, next++);
                part.Observe(next);
            }
            parts.Add(part);
        }
        using var events = new RunEvents(parts);

        Assert.Equal(next, events.Count);
        for (var e = 0; e < events.Count; e++)
        {
            var (part, i) = events.Locate(e);
            Assert.Equal(e, part.Timestamp(i));
            Assert.Equal(e, events.Timestamp(e));
            Assert.Equal([e + 1], events.Observations(e).ToArray());
        }
        int start = random.Next(events.Count), end = start + random.Next(events.Count - start + 1);
        var covered = events.Ranges(start, end).SelectMany(r => Enumerable.Range(r.From, r.To - r.From).Select(i => (r.Part.Timestamp(i), r.First + i - r.From)));
        Assert.Equal(Enumerable.Range(start, end - start).Select(e => ((long)e, e)), covered);
    }
}
