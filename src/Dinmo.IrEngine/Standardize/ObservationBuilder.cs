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
