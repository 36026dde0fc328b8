using System.Buffers;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Unicode;

namespace Dinmo.IrEngine.StableIds;

/// <summary>
/// Deterministic identifiers as name-based UUIDs (RFC 9562 version 5, SHA-1): the same project and
/// record key always give the same id, on any machine, in any run. Lower-case 8-4-4-4-12 text.
/// </summary>
internal static class DinmoIdFactory
{
    /// <summary>The namespace of dinmo_id names (a fixed random UUID, chosen once for this engine).</summary>
    private static readonly Guid DinmoIdNamespace = new("6f1c2b2e-8a4d-4b57-9d3e-2c7f5a1e9b04");

    /// <summary>
    /// A new id for a cluster, from its project, smallest record key and a counter (SPEC §5): the
    /// assigner raises the counter until the id is one never issued before. Counter 0 adds nothing to
    /// the name, so a first run's ids are the UUIDs of (project, smallest record key) alone.
    /// </summary>
    public static string ForCluster(string project, string model, string entityKey, int counter = 0) =>
        ForCluster(ClusterNamePrefix(project, model), Encoding.UTF8.GetBytes(entityKey), counter).ToString();

    /// <summary>The UTF-8 start of every cluster id name of one model: <c>dinmo_id\0project\0model\0</c>.</summary>
    public static byte[] ClusterNamePrefix(string project, string model) => Encoding.UTF8.GetBytes($"dinmo_id\0{project}\0{model}\0");

    /// <summary>
    /// <see cref="ForCluster(string, string, string, int)"/> from the key's UTF-8 bytes, without strings: the name is
    /// <paramref name="prefix"/> (<see cref="ClusterNamePrefix"/>, or <see cref="EventProfileNamePrefix"/> through
    /// <see cref="ForEventProfile"/>), the key, and <c>\0counter</c> when the counter is not 0.
    /// </summary>
    public static DinmoId ForCluster(ReadOnlySpan<byte> prefix, ReadOnlySpan<byte> entityKey, int counter = 0)
    {
        // A key that is not valid UTF-8 is named by its decoded text (U+FFFD for bad bytes), as the string path does.
        if (!Utf8.IsValid(entityKey)) entityKey = Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(entityKey));
        // Room for the namespace, the name, and "\0" plus at most 10 digits of a positive int.
        var length = NamespaceLength + prefix.Length + entityKey.Length + 11;
        byte[]? rented = null;
        Span<byte> input = length > MaxStackName ? (rented = ArrayPool<byte>.Shared.Rent(length)) : stackalloc byte[MaxStackName];
        DinmoIdNamespace.TryWriteBytes(input, bigEndian: true, out _);
        var at = NamespaceLength;
        prefix.CopyTo(input[at..]);
        at += prefix.Length;
        entityKey.CopyTo(input[at..]);
        at += entityKey.Length;
        if (counter != 0)
        {
            input[at++] = 0;
            counter.TryFormat(input[at..], out var digits, default, CultureInfo.InvariantCulture);
            at += digits;
        }
        var id = Hash(input[..at]);
        if (rented is not null) ArrayPool<byte>.Shared.Return(rented);
        return id;
    }

    /// <summary>The UTF-8 start of every event profile id name of one model: <c>event_profile\0project\0model\0</c>.</summary>
    public static byte[] EventProfileNamePrefix(string project, string model) => Encoding.UTF8.GetBytes($"event_profile\0{project}\0{model}\0");

    /// <summary>
    /// The id of the event profile created by the event <paramref name="eventKey"/> (SPEC §9): the name is
    /// <paramref name="prefix"/> (<see cref="EventProfileNamePrefix"/>) and the key, hashed as cluster names are.
    /// </summary>
    public static DinmoId ForEventProfile(ReadOnlySpan<byte> prefix, ReadOnlySpan<byte> eventKey) => ForCluster(prefix, eventKey);

    /// <summary>The <c>conflict_group_id</c> of an excluded cluster, from its smallest record key.</summary>
    public static string ForConflictGroup(string project, string model, string entityKey) =>
        Create($"conflict_group\0{project}\0{model}\0{entityKey}");

    public static string Create(string name)
    {
        var nameBytes = Encoding.UTF8.GetBytes(name);
        var input = new byte[NamespaceLength + nameBytes.Length];
        DinmoIdNamespace.TryWriteBytes(input, bigEndian: true, out _);
        nameBytes.CopyTo(input, NamespaceLength);
        return Hash(input).ToString();
    }

    private const int NamespaceLength = 16;

    /// <summary>Largest name hashed from a stack buffer; longer keys rent one.</summary>
    private const int MaxStackName = 512;

    /// <summary>The version-5 UUID of namespace + name (<paramref name="input"/> holds both).</summary>
    private static DinmoId Hash(ReadOnlySpan<byte> input)
    {
        Span<byte> hash = stackalloc byte[20];
        SHA1.HashData(input, hash);
        hash[6] = (byte)((hash[6] & 0x0F) | 0x50); // version 5
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80); // RFC variant
        return DinmoId.FromBytes(hash);
    }
}
