using Dinmo.IrEngine.Ingest;
using Dinmo.IrEngine.Resolution;

namespace Dinmo.IrEngine.Tests.Support;

/// <summary>A resolution result and its loaded records, with lookups by record key for assertions.</summary>
internal sealed class Resolved(LoadedRecords loaded, ResolutionResult result) : IDisposable
{
    public ResolutionResult Result { get; } = result;
    public RecordTable Records => loaded.Records;

    public int Record(string model, string key) => RecordLookup.Find(Records, model, key);

    public ResolutionStatus Status(string model, string key) => Result.Status[Record(model, key)];

    public UnresolvedReason Reason(string model, string key) => Result.Reason[Record(model, key)];

    /// <summary>The cluster index of a record, or -1.</summary>
    public int Cluster(string model, string key) => Result.Clusters.ClusterOf(Record(model, key));

    /// <summary>Every link as (rule index, left "model/key", right "model/key"), in match_pairs order.</summary>
    public List<(int Rule, string Left, string Right)> Links()
    {
        var links = new List<(int, string, string)>();
        for (var i = 0; i < Result.Links.Count; i++)
        {
            var (rule, left, right) = Result.Links[i];
            links.Add((rule, Name(left), Name(right)));
        }
        return links;
    }

    public string Name(int record) => Records.ModelName(record) + "/" + Records.KeyString(record);

    public void Dispose()
    {
        Result.Dispose();
        loaded.Dispose();
    }
}
