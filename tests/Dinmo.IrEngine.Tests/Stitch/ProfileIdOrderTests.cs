using System.Text;
using Dinmo.IrEngine.Stitch;

namespace Dinmo.IrEngine.Tests.Stitch;

/// <summary>
/// Profiles sorted by their ids' first eight bytes, then whole ids where those tie, come out as a sort
/// of the whole ids' bytes does: ids sharing long prefixes, ids shorter than eight bytes, ids that start others.
/// </summary>
public sealed class ProfileIdOrderTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Sorted_IsTheOrderOfTheIdsBytes(int threads)
    {
        var random = new Random(20261207);
        var ids = new HashSet<string>(StringComparer.Ordinal) { "", "a", "ab", "ab\u00e9", "abcdefgh", "abcdefgh0", "abcdefg", "abcdefgi" };
        string[] prefixes = ["", "0123abcd-", "0123abcd-ee", "ff", "\u00e9t\u00e9"];
        while (ids.Count < 200_000) // past ParallelSort's single-run size, so several threads really split it
        {
            var prefix = prefixes[random.Next(prefixes.Length)];
            ids.Add(prefix + Convert.ToHexString(BitConverter.GetBytes(random.NextInt64())).ToLowerInvariant()[..random.Next(0, 17)]);
        }
        var sightings = new ProfileSightings();
        var profiles = ids.Select((id, i) => new EventProfile(sightings, i, id, i + 1, 0)).ToList();

        var sorted = ProfileIdOrder.Sorted(profiles, threads);

        var expected = profiles.Select(p => Encoding.UTF8.GetBytes(p.Id)).ToList();
        expected.Sort((x, y) => x.AsSpan().SequenceCompareTo(y));
        Assert.Equal(expected.Select(Encoding.UTF8.GetString), sorted.Select(p => p.Id));
    }

    [Fact]
    public void Prefix_OfAShortIdPadsWithZeros() =>
        Assert.Equal(0x6162000000000000UL, ProfileIdOrder.Prefix("ab"u8));
}
