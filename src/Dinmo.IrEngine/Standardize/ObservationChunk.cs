using Dinmo.IrEngine.Columnar;
using Dinmo.IrEngine.Config;
using Dinmo.IrEngine.Ingest;

namespace Dinmo.IrEngine.Standardize;

/// <summary>
/// The observations standardized from one contiguous range of raw cells, with value ids of its own
/// <see cref="ValueDictionary"/> (ids in order of first appearance within the range). Built by one
/// thread; <see cref="ObservationBuilder"/> owns it until the chunks are joined.
/// </summary>
internal sealed class ObservationChunk : IDisposable
{
    private ObservationChunk(int capacity)
    {
        Record = new GrowableArray<int>(capacity);
        Identifier = new GrowableArray<short>(capacity);
        Source = new GrowableArray<short>(capacity);
        Value = new GrowableArray<int>(capacity);
        Raw = new GrowableArray<int>(capacity);
    }

    public GrowableArray<int> Record { get; }
    public GrowableArray<short> Identifier { get; }
    public GrowableArray<short> Source { get; }
    public GrowableArray<int> Value { get; }
    public GrowableArray<int> Raw { get; }
    public ValueDictionary Values { get; private set; } = new();

    public int Count => Record.Count;

    /// <summary>Standardizes raw cells [<paramref name="start"/>, <paramref name="end"/>) of records with valid keys; empty results are dropped.</summary>
    public static ObservationChunk Standardize(IdentityGraph graph, RecordTable records, RawObservations raw, int start, int end)
    {
        var chunk = new ObservationChunk(end - start);
        var standardizers = graph.Identifiers.Select(i => new Standardizer(i.Standardize)).ToArray();
        try
        {
            for (var i = start; i < end; i++)
            {
                var r = raw.Record[i];
                if (records.Status[r] != RecordKeyStatus.Valid) continue;
                var s = raw.Source[i];
                var id = raw.Sources[s].Identifier;
                var standardized = standardizers[id].Apply(raw.Raw[i]);
                if (standardized.IsEmpty) continue;
                chunk.Record.Add(r);
                chunk.Identifier.Add((short)id);
                chunk.Source.Add(s);
                chunk.Value.Add(chunk.Values.Intern(standardized));
                chunk.Raw.Add(i);
            }
            return chunk;
        }
        catch
        {
            chunk.Dispose();
            chunk.Values.Dispose();
            throw;
        }
        finally
        {
            foreach (var s in standardizers) s.Dispose();
        }
    }

    /// <summary>Hands the dictionary to the caller, who then owns it (the first chunk's becomes the run's).</summary>
    public ValueDictionary TakeValues()
    {
        var values = Values;
        Values = null!;
        return values;
    }

    /// <summary>Returns the column buffers; the dictionary is disposed separately by whoever holds it.</summary>
    public void Dispose()
    {
        Record.Dispose();
        Identifier.Dispose();
        Source.Dispose();
        Value.Dispose();
        Raw.Dispose();
    }
}
