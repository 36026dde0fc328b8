using System.Text;
using Dinmo.IrEngine.StableIds;
using Dinmo.IrEngine.Stitch;

namespace Dinmo.IrEngine.Tests.Stitch;

public sealed class ProfileGraphTests
{
    [Fact]
    public void SurvivorIndexes_FollowEveryMergeChainToItsEnd()
    {
        using var graph = new ProfileGraph("project", [], ["events"]);
        var p = Enumerable.Range(0, 7).Select(i => graph.Create(0, graph.Keys.Intern(0, Encoding.UTF8.GetBytes($"k{i}")), i)).ToArray();
        // A chain 4 -> 3 -> 1 -> 0 built from its far end, a branch 5 -> 3, a pair 6 -> 2 (the older survives).
        graph.Merge(p[4], p[3], "anonymous_id", "r1");
        graph.Merge(p[5], p[3], "anonymous_id", "r1");
        graph.Merge(p[3], p[1], "anonymous_id", "r1");
        graph.Merge(p[1], p[0], "anonymous_id", "r1");
        graph.Merge(p[6], p[2], "anonymous_id", "r1");

        Assert.Equal([0, 0, 2, 0, 0, 0, 2], graph.SurvivorIndexes());
        // Reading it changes nothing: the direct merge targets (redirects) stay as merged.
        Assert.Equal([null, 0, null, 1, 3, 3, 2], p.Select(x => x.MergedInto?.Index).ToArray());
    }

    [Fact]
    public void Create_GivesTheIdOfProjectModelAndKey()
    {
        // The id is the name-based UUID of "event_profile\0project\0model\0key", as in earlier versions:
        // a state saved by them continues with the same ids. Keys that are not ASCII are named by their UTF-8.
        using var graph = new ProfileGraph("web", [], ["page_views", "orders"]);
        var first = graph.Create(0, graph.Keys.Intern(0, "k-1"u8), 10);
        var second = graph.Create(1, graph.Keys.Intern(1, Encoding.UTF8.GetBytes("clé-€")), 20);
        Assert.Throws<InvalidOperationException>(() => first.IdUtf8); // named together, after the stitch loop
        graph.NameProfiles(threads: 2);

        Assert.Equal(DinmoIdFactory.Create("event_profile\0web\0page_views\0k-1"), first.Id);
        Assert.Equal(DinmoIdFactory.Create("event_profile\0web\0orders\0clé-€"), second.Id);
        Assert.Equal(Encoding.UTF8.GetBytes(second.Id), second.IdUtf8);
    }

    [Fact]
    public void ProfilesNamedOnTheNamersThread_GetTheIdsOfTheirKeys()
    {
        // More than two batches, the last one partial: handed batches are named on the namer's thread, the rest at the end.
        var count = 2 * ProfileNamer.BatchSize + 17;
        using var background = new ProfileGraph("web", [], ["page_views", "orders"]);
        // Keys are all interned before naming starts, as in a run (nothing is interned after the read).
        var keys = Enumerable.Range(0, count).Select(i => background.Keys.Intern(i % 2, Encoding.UTF8.GetBytes($"key-{i}"))).ToArray();
        background.Keys.DropIndexes();
        background.StartNaming();
        var named = Enumerable.Range(0, count).Select(i => background.Create(i % 2, keys[i], i)).ToArray();
        background.NameProfiles(threads: 2);

        Assert.All(named.Select((p, i) => (p, i)), x => Assert.Equal(
            DinmoIdFactory.Create($"event_profile\0web\0{(x.i % 2 == 0 ? "page_views" : "orders")}\0key-{x.i}"), x.p.Id));
    }

    [Fact]
    public void StartNaming_WhileKeysCanStillBeAdded_Throws()
    {
        // The namer's thread reads the keys of the profiles it names: keys must be final first.
        using var graph = new ProfileGraph("web", [], ["page_views"]);
        graph.Keys.Intern(0, "k"u8);

        Assert.Throws<InvalidOperationException>(graph.StartNaming);
    }

    [Fact]
    public void FindProfile_SeesProfilesAddedAfterTheFirstLookup_AndRefusesAnIdTwice()
    {
        using var graph = new ProfileGraph("web", [], ["events"]);
        var first = graph.Create(0, graph.Keys.Intern(0, "a"u8), 1);
        graph.NameProfiles(threads: 1);
        Assert.Same(first, graph.FindProfile(first.Id));
        var second = graph.Create(0, graph.Keys.Intern(0, "b"u8), 2);
        graph.NameProfiles(threads: 1);
        Assert.Same(second, graph.FindProfile(second.Id));
        Assert.Null(graph.FindProfile("not-an-id"));

        graph.Add(new EventProfile(graph.Sightings, graph.Profiles.Count, first.Id, 3, 3));
        Assert.Throws<FormatException>(() => graph.FindProfile(first.Id));
    }
}
