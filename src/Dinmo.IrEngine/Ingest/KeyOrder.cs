using Dinmo.IrEngine.Columnar;

namespace Dinmo.IrEngine.Ingest;

/// <summary>
/// Numbers records in record-key order and applies the primary-key check (SPEC §4.1): a null or
/// empty key is missing; a key that occurs more than once in a model makes every such row a duplicate.
/// </summary>
internal static class KeyOrder
{
    public static RecordTable Build(string[] modelNames, short[] loadModel, long[] loadOrder, Utf8Column keys)
    {
        var count = loadModel.Length;
        // Model rank by ordinal name, so record ids follow (model name, entity key).
        var rank = Enumerable.Range(0, modelNames.Length)
            .OrderBy(i => modelNames[i], StringComparer.Ordinal).Select((model, r) => (model, r))
            .OrderBy(p => p.model).Select(p => p.r).ToArray();
        var byKey = new int[count];
        for (var i = 0; i < count; i++) byKey[i] = i;
        Array.Sort(byKey, (a, b) =>
        {
            var c = rank[loadModel[a]].CompareTo(rank[loadModel[b]]);
            if (c != 0) return c;
            c = keys.IsNull(b).CompareTo(keys.IsNull(a)); // nulls first
            if (c != 0) return c;
            c = keys[a].SequenceCompareTo(keys[b]);
            return c != 0 ? c : a.CompareTo(b);
        });

        var model = new short[count];
        var order = new long[count];
        var status = new RecordKeyStatus[count];
        for (var r = 0; r < count; r++)
        {
            var load = byKey[r];
            model[r] = loadModel[load];
            order[r] = loadOrder[load];
            status[r] = keys.IsNull(load) || keys[load].IsEmpty ? RecordKeyStatus.MissingPrimaryKey : RecordKeyStatus.Valid;
        }
        for (var r = 1; r < count; r++)
        {
            if (status[r] == RecordKeyStatus.MissingPrimaryKey || model[r] != model[r - 1]) continue;
            if (status[r - 1] == RecordKeyStatus.MissingPrimaryKey) continue;
            if (keys[byKey[r]].SequenceEqual(keys[byKey[r - 1]]))
            {
                status[r] = RecordKeyStatus.DuplicatePrimaryKey;
                status[r - 1] = RecordKeyStatus.DuplicatePrimaryKey;
            }
        }
        return new RecordTable(modelNames, model, order, status, byKey, keys);
    }
}
