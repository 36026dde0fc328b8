using Dinmo.IrEngine.Columnar;
using Dinmo.IrEngine.Config;
using Dinmo.IrEngine.Ingest;

namespace Dinmo.IrEngine.Standardize;

/// <summary>
/// Standardizes every raw identifier cell of records with valid keys into observations, interns the
/// values, then applies blocked values, blocked patterns and the <c>max_records_per_value</c> hub
/// guard (SPEC §3.2). Block decisions are made once per distinct (identifier, value).
/// With two threads or more, standardizing and interning form a two-step pipeline: one thread
/// standardizes and hashes chunk k + 1 while the caller's thread interns chunk k. Values are interned
/// in cell order either way, so value ids, and everything after, do not depend on the thread count.
/// </summary>
internal static class ObservationBuilder
{
    public static ObservationTable Build(IdentityGraph graph, LoadedRecords loaded, int threads = 1)
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
        void Add(int i, int valueId)
        {
            var s = raw.Source[i];
            record.Add(raw.Record[i]);
            identifier.Add((short)raw.Sources[s].Identifier);
            source.Add(s);
            value.Add(valueId);
            rawIndex.Add(i);
        }
        try
        {
            if (threads < 2 || raw.Count <= StandardizedChunk.Cells)
            {
                var chunk = new StandardizedChunk();
                for (var start = 0; start < raw.Count; start += StandardizedChunk.Cells)
                {
                    chunk.Fill(start, raw, records, standardizers, values);
                    chunk.Intern(values, Add);
                }
            }
            else
            {
                StandardizeAhead(raw, records, standardizers, values, Add);
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
        var (slots, slotOf) = ValueSlots.Build(identifierColumn, valueColumn, values.Count);
        var recordsPerSlot = CountRecordsPerSlot(slotOf, recordStart, byRecord, slots.Count);
        var block = Decide(graph, identifierColumn, slotOf, slots, values, recordsPerSlot);
        return new ObservationTable
        {
            Record = recordColumn, Identifier = identifierColumn, Source = source.ToArray(), Value = valueColumn,
            Raw = rawIndex.ToArray(), Block = block, RecordStart = recordStart, ByRecord = byRecord,
            Values = values, Slots = slots, RecordsPerSlot = recordsPerSlot,
        };
    }

    /// <summary>
    /// Standardizes on a second thread, at most <c>ChunksInFlight</c> chunks ahead, while this thread
    /// interns the chunks in order. A failure on the standardizing thread surfaces here.
    /// </summary>
    private static void StandardizeAhead(RawObservations raw, RecordTable records, Standardizer[] standardizers,
        ValueDictionary values, Action<int, int> add)
    {
        const int ChunksInFlight = 3;
        using var free = new System.Collections.Concurrent.BlockingCollection<StandardizedChunk>(ChunksInFlight);
        using var filled = new System.Collections.Concurrent.BlockingCollection<StandardizedChunk>(ChunksInFlight);
        for (var c = 0; c < ChunksInFlight; c++) free.Add(new StandardizedChunk());
        using var stop = new CancellationTokenSource();
        var producer = Task.Run(() =>
        {
            try
            {
                for (var start = 0; start < raw.Count; start += StandardizedChunk.Cells)
                {
                    var chunk = free.Take(stop.Token);
                    chunk.Fill(start, raw, records, standardizers, values);
                    filled.Add(chunk);
                }
            }
            finally
            {
                filled.CompleteAdding();
            }
        });
        try
        {
            foreach (var chunk in filled.GetConsumingEnumerable())
            {
                chunk.Intern(values, add);
                free.Add(chunk);
            }
        }
        catch
        {
            stop.Cancel(); // the producer may be waiting for a free chunk that will never come
            throw;
        }
        finally
        {
            // Joined before anything is disposed; its failure, if any, is rethrown below unwrapped.
            try { producer.Wait(); } catch (AggregateException) { }
        }
        producer.GetAwaiter().GetResult(); // the standardizing thread's own exception, if it failed
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

    private static int[] CountRecordsPerSlot(int[] slotOf, int[] recordStart, int[] byRecord, int slotCount)
    {
        var counts = new int[slotCount];
        for (var r = 0; r + 1 < recordStart.Length; r++)
        {
            var carried = byRecord.AsSpan(recordStart[r], recordStart[r + 1] - recordStart[r]);
            for (var i = 0; i < carried.Length; i++)
            {
                var slot = slotOf[carried[i]];
                // A record that carries one value twice (two columns) counts once; a record holds only a few observations.
                if (CarriedBefore(carried[..i], slot, slotOf)) continue;
                counts[slot]++;
            }
        }
        return counts;
    }

    private static bool CarriedBefore(ReadOnlySpan<int> earlier, int slot, int[] slotOf)
    {
        foreach (var o in earlier)
        {
            if (slotOf[o] == slot) return true;
        }
        return false;
    }

    /// <summary>Each distinct (identifier, value) is decided once, slot by slot; observations take their slot's reason.</summary>
    private static BlockReason[] Decide(IdentityGraph graph, short[] identifier, int[] slotOf, ValueSlots slots,
        ValueDictionary values, int[] recordsPerSlot)
    {
        var lists = graph.Identifiers.Select(i => new BlockList(i)).ToArray();
        var reasonOf = new BlockReason[slots.Count];
        for (var slot = 0; slot < reasonOf.Length; slot++)
        {
            var (id, value) = slots.PairOf(slot);
            if (id < 0) continue; // a value id no observation carries (none today: every value comes from an observation)
            var reason = lists[id].Decide(values[value]);
            if (reason == BlockReason.None && graph.Identifiers[id].MaxRecordsPerValue is { } max && recordsPerSlot[slot] > max)
            {
                reason = BlockReason.Hub;
            }
            reasonOf[slot] = reason;
        }
        var block = new BlockReason[identifier.Length];
        for (var o = 0; o < block.Length; o++) block[o] = reasonOf[slotOf[o]];
        return block;
    }
}
