using System.Text;
using Dinmo.IrEngine.Config;
using Dinmo.IrEngine.Ingest;
using Dinmo.IrEngine.Standardize;

namespace Dinmo.IrEngine.Tests.Support;

/// <summary>Loaded records and their observations, with lookups by record key for assertions.</summary>
internal sealed class Standardized(IdentityGraph graph, LoadedRecords loaded, ObservationTable observations) : IDisposable
{
    public IdentityGraph Graph { get; } = graph;
    public LoadedRecords Loaded { get; } = loaded;
    public RecordTable Records => Loaded.Records;
    public ObservationTable Observations { get; } = observations;

    public int Record(string model, string key) => RecordLookup.Find(Records, model, key);

    /// <summary>The (standardized value, block reason) of every observation of one identifier on one record, in mapping order.</summary>
    public List<(string Value, BlockReason Block)> ObservationsOf(string model, string key, string identifier)
    {
        var id = Graph.Identifiers.ToList().FindIndex(i => i.Name == identifier);
        var result = new List<(string, BlockReason)>();
        foreach (var o in Observations.OfRecord(Record(model, key)))
        {
            if (Observations.Identifier[o] != id) continue;
            result.Add((Encoding.UTF8.GetString(Observations.Values[Observations.Value[o]]), Observations.Block[o]));
        }
        return result;
    }

    public void Dispose()
    {
        Observations.Dispose();
        Loaded.Dispose();
    }
}
