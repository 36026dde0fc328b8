using System.Runtime.InteropServices;
using Dinmo.IrEngine.Columnar;
using Dinmo.IrEngine.Config;
using Dinmo.IrEngine.Ingest;

namespace Dinmo.IrEngine.Standardize;

/// <summary>
/// Standardizes every raw identifier cell of records with valid keys into observations, interns the
/// values, then applies blocked values, blocked patterns and the <c>max_records_per_value</c> hub
/// guard (SPEC §3.2). Block decisions are made once per distinct (identifier, value).
/// </summary>
internal static class ObservationBuilder
{
    public static ObservationTable Build(IdentityGraph graph, LoadedRecords loaded)
    {
        var records = loaded.Records;
        var raw = loaded.Observations;
        var standardizers = graph.Identifiers.Select(i => new Standardizer(i.Standardize)).ToArray();
        var values = new ValueDictionary();
        using var record = new GrowableArray<int>(raw.Count);
        using var identifier = new GrowableArray<short>(raw.Count);
        using var source = new GrowableArray<short>(raw.Count);
        using var value = new GrowableArray<int>(raw.Count);
        using var rawIndex = new GrowableArray<int>(raw.Count);
        try
        {
            for (var i = 0; i < raw.Count; i++)
            {
                var r = raw.Record[i];
                if (records.Status[r] != RecordKeyStatus.Valid) continue;
                var s = raw.Source[i];
                var id = raw.Sources[s].Identifier;
                var standardized = standardizers[id].Apply(raw.Raw[i]);
                if (standardized.IsEmpty) continue;
                record.Add(r);
                identifier.Add((short)id);
                source.Add(s);
                value.Add(values.Intern(standardized));
                rawIndex.Add(i);
            }
        }
        finally
        {
            foreach (var s in standardizers) s.Dispose();
        }

        var recordColumn = record.ToArray();
        var identifierColumn = identifier.ToArray();
        var valueColumn = value.ToArray();
        var (recordStart, byRecord) = IndexByRecord(recordColumn, records.Count);
        var recordsPerValue = CountRecordsPerValue(identifierColumn, valueColumn, recordStart, byRecord, values.Count);
        var block = Decide(graph, identifierColumn, valueColumn, values, recordsPerValue);
        return new ObservationTable
        {
            Record = recordColumn, Identifier = identifierColumn, Source = source.ToArray(), Value = valueColumn,
            Raw = rawIndex.ToArray(), Block = block, RecordStart = recordStart, ByRecord = byRecord,
            Values = values, RecordsPerValue = recordsPerValue,
        };
    }

    /// <summary>Counting sort of observations by record; within a record they keep mapping order.</summary>
    private static (int[] Start, int[] ByRecord) IndexByRecord(int[] record, int recordCount)
    {
        var start = new int[recordCount + 1];
        foreach (var r in record) start[r + 1]++;
        for (var r = 0; r < recordCount; r++) start[r + 1] += start[r];
        var next = start.AsSpan(0, recordCount).ToArray();
        var byRecord = new int[record.Length];
        for (var o = 0; o < record.Length; o++) byRecord[next[record[o]]++] = o;
        return (start, byRecord);
    }

    private static Dictionary<long, int> CountRecordsPerValue(short[] identifier, int[] value, int[] recordStart, int[] byRecord, int distinctValues)
    {
        var counts = new Dictionary<long, int>(distinctValues);
        for (var r = 0; r + 1 < recordStart.Length; r++)
        {
            var carried = byRecord.AsSpan(recordStart[r], recordStart[r + 1] - recordStart[r]);
            for (var i = 0; i < carried.Length; i++)
            {
                var key = ObservationTable.ValueKey(identifier[carried[i]], value[carried[i]]);
                // A record that carries one value twice (two columns) counts once; a record holds only a few observations.
                if (CarriedBefore(carried[..i], key, identifier, value)) continue;
                CollectionsMarshal.GetValueRefOrAddDefault(counts, key, out _)++;
            }
        }
        return counts;
    }

    private static bool CarriedBefore(ReadOnlySpan<int> earlier, long key, short[] identifier, int[] value)
    {
        foreach (var o in earlier)
        {
            if (ObservationTable.ValueKey(identifier[o], value[o]) == key) return true;
        }
        return false;
    }

    private static BlockReason[] Decide(IdentityGraph graph, short[] identifier, int[] value, ValueDictionary values,
        Dictionary<long, int> recordsPerValue)
    {
        var lists = graph.Identifiers.Select(i => new BlockList(i)).ToArray();
        var decided = new Dictionary<long, BlockReason>(recordsPerValue.Count);
        var block = new BlockReason[identifier.Length];
        for (var o = 0; o < block.Length; o++)
        {
            var id = identifier[o];
            var key = ObservationTable.ValueKey(id, value[o]);
            ref var reason = ref CollectionsMarshal.GetValueRefOrAddDefault(decided, key, out var known);
            if (!known)
            {
                reason = lists[id].Decide(values[value[o]]);
                if (reason == BlockReason.None && graph.Identifiers[id].MaxRecordsPerValue is { } max && recordsPerValue[key] > max)
                {
                    reason = BlockReason.Hub;
                }
            }
            block[o] = reason;
        }
        return block;
    }
}
