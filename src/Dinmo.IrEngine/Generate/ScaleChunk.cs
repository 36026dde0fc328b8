using System.Buffers.Binary;
using System.IO.Hashing;

namespace Dinmo.IrEngine.Generate;

/// <summary>
/// One chunk of a scale run: <see cref="Persons"/> consecutive persons and their noisy copies per
/// source model, drawn from a stream seeded by (seed, chunk index) alone, so a chunk's content does
/// not depend on any other chunk and chunks can be built in any order or in parallel. Keys are
/// numbered from the caller's running counters, the only thing chunks share.
/// </summary>
internal sealed class ScaleChunk
{
    /// <summary>Share of copies whose email is replaced by a shared (hub) address: family or reseller accounts.</summary>
    private const double HubEmailRate = 0.0005;

    /// <summary>Share of copies whose phone is replaced by a shared (hub) number: a call centre or shop counter.</summary>
    private const double HubPhoneRate = 0.0005;

    /// <summary>
    /// Values many unrelated persons carry; unlike the placeholders they are not blocked by the graph,
    /// so clusters they join break the conflict limits.
    /// </summary>
    public static readonly string[] HubEmails = ["info@family-account.example", "orders@reseller.example", "contact@agency.example"];

    public static readonly string[] HubPhones = ["+33 1 40 00 12 34", "+49 30 9000 5555", "+44 20 7946 0000"];

    private ScaleChunk(int persons, List<ProfileCopy>[] copies)
    {
        Persons = persons;
        Copies = copies;
    }

    public int Persons { get; }

    /// <summary>One list per source plan, in plan order, each in key (= file) order.</summary>
    public List<ProfileCopy>[] Copies { get; }

    /// <summary>Chunk <paramref name="index"/>: persons [firstPerson, firstPerson + persons), keys of plan p from firstKeys[p].</summary>
    public static ScaleChunk Create(ulong seed, long index, long firstPerson, int persons, IReadOnlyList<SourcePlan> plans,
        IReadOnlyList<long> firstKeys)
    {
        // One forked stream per concern, as in DemoGenerator: noise draws do not reshuffle who the persons are.
        var root = new SeededRandom(ChunkSeed(seed, index));
        var people = new ScalePersonFactory(root.Fork()).Create(firstPerson, persons);
        var planner = new CopyPlanner(root.Fork(), new NoiseModel(root.Fork()));
        var copies = planner.Plan(plans, people, firstKeys);
        AddHubValues(copies, root.Fork());
        return new ScaleChunk(persons, copies);
    }

    /// <summary>An independent 64-bit seed per (seed, chunk): XxHash3 of the chunk index under the run's seed.</summary>
    public static ulong ChunkSeed(ulong seed, long index)
    {
        Span<byte> bytes = stackalloc byte[sizeof(long)];
        BinaryPrimitives.WriteInt64LittleEndian(bytes, index);
        return XxHash3.HashToUInt64(bytes, unchecked((long)seed));
    }

    private static void AddHubValues(List<ProfileCopy>[] copies, SeededRandom random)
    {
        foreach (var rows in copies)
        {
            for (var i = 0; i < rows.Count; i++)
            {
                if (random.Chance(HubEmailRate)) rows[i] = rows[i] with { Email = random.Pick(HubEmails) };
                if (random.Chance(HubPhoneRate)) rows[i] = rows[i] with { Phone = random.Pick(HubPhones) };
            }
        }
    }
}
