using Dinmo.IrEngine.Ingest;

namespace Dinmo.IrEngine.Tests.Support;

/// <summary>Finds a record id by (model, entity key); fails the test when there is not exactly one.</summary>
internal static class RecordLookup
{
    public static int Find(RecordTable records, string model, string key)
    {
        var found = Enumerable.Range(0, records.Count)
            .Where(r => records.ModelName(r) == model && records.KeyString(r) == key).ToArray();
        return Assert.Single(found);
    }
}
