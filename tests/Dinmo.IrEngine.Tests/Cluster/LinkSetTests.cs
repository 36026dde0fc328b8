using Dinmo.IrEngine.Cluster;

namespace Dinmo.IrEngine.Tests.Cluster;

public sealed class LinkSetTests
{
    private static List<(int, int, int)> All(LinkSet links) => Enumerable.Range(0, links.Count).Select(i => links[i]).ToList();

    [Fact]
    public void AddAll_PerRuleSetsInRuleOrder_EqualOneSetBuiltInOnePass()
    {
        // Rule 0: a group star and a scored pair; rule 1: another group, one link repeating rule 0's pair.
        void Rule0(LinkSet links)
        {
            var group = links.NewGroup();
            links.Add(0, 1, 4, group: group);
            links.Add(0, 1, 6, group: group);
            links.Add(0, 7, 3, [0.93]);
        }
        void Rule1(LinkSet links)
        {
            links.NewGroup();
            var group = links.NewGroup();
            links.Add(1, 3, 7, [0.95, 1.0], group);
            links.Add(1, 2, 9);
        }
        using var onePass = new LinkSet();
        Rule0(onePass);
        Rule1(onePass);
        onePass.Seal();
        using var merged = new LinkSet();
        using var first = new LinkSet();
        using var second = new LinkSet();
        Rule0(first);
        Rule1(second);
        merged.AddAll(first);
        merged.AddAll(second);
        merged.Seal();

        Assert.Equal(onePass.AddedLefts.ToArray(), merged.AddedLefts.ToArray());
        Assert.Equal(onePass.AddedRights.ToArray(), merged.AddedRights.ToArray());
        Assert.Equal(All(onePass), All(merged));
        for (var i = 0; i < onePass.Count; i++)
        {
            Assert.Equal(onePass.GroupOf(i), merged.GroupOf(i));
            Assert.Equal(onePass.ScoresOf(i).ToArray(), merged.ScoresOf(i).ToArray());
        }
        Assert.Equal(merged.NewGroup(), onePass.NewGroup());
    }

    [Fact]
    public void Links_AreNormalizedLeftSmallerThanRight()
    {
        using var links = new LinkSet();
        links.Add(0, 5, 2);
        links.Seal();
        Assert.Equal([(0, 2, 5)], All(links));
    }

    [Fact]
    public void SelfLinks_AreIgnored()
    {
        using var links = new LinkSet();
        links.Add(0, 3, 3);
        links.Seal();
        Assert.Equal(0, links.Count);
    }

    [Fact]
    public void Seal_SortsByRuleThenLeftThenRight()
    {
        using var links = new LinkSet();
        links.Add(1, 0, 1);
        links.Add(0, 4, 9);
        links.Add(0, 2, 7);
        links.Add(0, 2, 3);
        links.Add(1, 0, 0);
        links.Seal();
        Assert.Equal([(0, 2, 3), (0, 2, 7), (0, 4, 9), (1, 0, 1)], All(links));
    }

    [Fact]
    public void Seal_RemovesRepeatsOfOneRuleButKeepsOtherRules()
    {
        using var links = new LinkSet();
        links.Add(0, 1, 2);
        links.Add(0, 2, 1);
        links.Add(0, 1, 2);
        links.Add(1, 1, 2);
        links.Seal();
        Assert.Equal([(0, 1, 2), (1, 1, 2)], All(links));
    }

    [Fact]
    public void Repeats_KeepTheBestScores()
    {
        using var links = new LinkSet();
        links.Add(0, 1, 2, [0.93]);
        links.Add(0, 1, 2, [0.97]);
        links.Add(0, 1, 2, [0.95]);
        links.Add(0, 3, 4, [1.0]);
        links.Seal();
        Assert.Equal(2, links.Count);
        Assert.Equal([0.97], links.ScoresOf(0).ToArray());
        Assert.Equal([1.0], links.ScoresOf(1).ToArray());
    }

    [Fact]
    public void ExactLinks_HaveNoScores()
    {
        using var links = new LinkSet();
        links.Add(0, 1, 2);
        links.Add(1, 1, 2, [0.9, 1.0]);
        links.Seal();
        Assert.True(links.ScoresOf(0).IsEmpty);
        Assert.Equal([0.9, 1.0], links.ScoresOf(1).ToArray());
    }

    [Fact]
    public void Order_IsIndependentOfInsertionOrder()
    {
        var all = new List<(int Rule, int A, int B)>();
        var random = new Random(1234);
        for (var i = 0; i < 300; i++) all.Add((random.Next(3), random.Next(40), random.Next(40)));
        using var forward = new LinkSet();
        using var backward = new LinkSet();
        foreach (var (rule, a, b) in all) forward.Add(rule, a, b);
        foreach (var (rule, a, b) in Enumerable.Reverse(all)) backward.Add(rule, b, a);
        forward.Seal();
        backward.Seal();

        var expected = all.Where(l => l.A != l.B).Select(l => (l.Rule, Math.Min(l.A, l.B), Math.Max(l.A, l.B))).Distinct().Order().ToList();
        Assert.Equal(expected, All(forward));
        Assert.Equal(expected, All(backward));
    }
}
