using System.Security.Cryptography;
using System.Text;

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
        Create(counter == 0 ? $"dinmo_id\0{project}\0{model}\0{entityKey}" : $"dinmo_id\0{project}\0{model}\0{entityKey}\0{counter}");

    /// <summary>The <c>conflict_group_id</c> of an excluded cluster, from its smallest record key.</summary>
    public static string ForConflictGroup(string project, string model, string entityKey) =>
        Create($"conflict_group\0{project}\0{model}\0{entityKey}");

    public static string Create(string name)
    {
        Span<byte> namespaceBytes = stackalloc byte[16];
        DinmoIdNamespace.TryWriteBytes(namespaceBytes, bigEndian: true, out _);
        var nameBytes = Encoding.UTF8.GetBytes(name);
        var input = new byte[16 + nameBytes.Length];
        namespaceBytes.CopyTo(input);
        nameBytes.CopyTo(input, 16);
        Span<byte> hash = stackalloc byte[20];
        SHA1.HashData(input, hash);
        hash[6] = (byte)((hash[6] & 0x0F) | 0x50); // version 5
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80); // RFC variant
        return new Guid(hash[..16], bigEndian: true).ToString("D");
    }
}
