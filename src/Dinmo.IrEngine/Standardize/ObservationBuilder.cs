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
    /// <summary>Cells per chunk below which splitting the work across threads costs more than it saves.</summary>
    private const int MinCellsPerChunk = 1 << 16;

    /// <summary>
    /// Standardizes on up to <paramref name="threads"/> threads, each over a contiguous range of raw
    /// cells with its own dictionary; the ranges are joined in order and each later range's values
    /// are interned into the first's in their order of first appearance, so every value id is the
    /// one a single thread would give.
    /// </summary>
    public static ObservationTable Build(IdentityGraph graph, LoadedRecords loaded, int threads = 1,
        int minCellsPerChunk = MinCellsPerChunk)
    {
        var records = loaded.Records;
        var raw = loaded.Observations;
        var chunkCount = Math.Clamp(raw.Count / minCellsPerChunk, 1, Math.Max(1, threads));
        var chunks = new ObservationChunk[chunkCount];
        try
        {
            ParallelActions.Run([.. Enumerable.Range(0, chunkCount).Select(c => (Action)(() =>
                chunks[c] = ObservationChunk.Standardize(graph, records, raw,
                    (int)((long)raw.Count * c / chunkCount), (int)((long)raw.Count * (c + 1) / chunkCount))))], threads);
            return Join(graph, records, chunks);
        }
        finally
        {
            foreach (var chunk in chunks)
            {
                chunk?.Values?.Dispose();
                chunk?.Dispose();
            }
        }
    }

    private static ObservationTable Join(IdentityGraph graph, RecordTable records, ObservationChunk[] chunks)
    {
        var total = chunks.Sum(c => c.Count);
        var recordColumn = new int[total];
        var identifierColumn = new short[total];
        var sourceColumn = new short[total];
        var valueColumn = new int[total];
        var rawColumn = new int[total];
        var values = chunks[0].TakeValues();
        try
        {
            var at = 0;
            foreach (var chunk in chunks)
            {
                var count = chunk.Count;
                chunk.Record.AsSpan().CopyTo(recordColumn.AsSpan(at));
                chunk.Identifier.AsSpan().CopyTo(identifierColumn.AsSpan(at));
                chunk.Source.AsSpan().CopyTo(sourceColumn.AsSpan(at));
                chunk.Raw.AsSpan().CopyTo(rawColumn.AsSpan(at));
                var local = chunk.Value.AsSpan();
                if (chunk.Values is null) local.CopyTo(valueColumn.AsSpan(at)); // the first chunk: its ids are the run's
                else
                {
                    var runId = new int[chunk.Values.Count];
                    for (var id = 0; id < runId.Length; id++) runId[id] = values.Intern(chunk.Values[id]);
                    for (var i = 0; i < count; i++) valueColumn[at + i] = runId[local[i]];
                }
                at += count;
            }

            var (recordStart, byRecord) = IndexByRecord(recordColumn, records.Count);
            var recordsPerValue = CountRecordsPerValue(identifierColumn, valueColumn, recordStart, byRecord, values.Count);
            var block = Decide(graph, identifierColumn, valueColumn, values, recordsPerValue);
            return new ObservationTable
            {
                Record = recordColumn, Identifier = identifierColumn, Source = sourceColumn, Value = valueColumn,
                Raw = rawColumn, Block = block, RecordStart = recordStart, ByRecord = byRecord,
                Values = values, RecordsPerValue = recordsPerValue,
            };
        }
        catch
        {
            values.Dispose();
            throw;
        }
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
