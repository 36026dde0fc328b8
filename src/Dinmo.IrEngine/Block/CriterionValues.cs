using Dinmo.IrEngine.Standardize;

namespace Dinmo.IrEngine.Block;

/// <summary>
/// The distinct usable (non-blocked) value ids one record has for one criterion, taking the values
/// of all the criterion's identifiers together (SPEC §3.3), ascending.
/// </summary>
internal static class CriterionValues
{
    /// <summary>Fills <paramref name="into"/> (cleared first); returns how many values there are.</summary>
    public static int Collect(ObservationTable observations, int record, CompiledCriterion criterion, List<int> into)
    {
        into.Clear();
        foreach (var o in observations.OfRecord(record))
        {
            if (!observations.IsUsable(o) || !criterion.Uses[observations.Identifier[o]]) continue;
            var value = observations.Value[o];
            if (!into.Contains(value)) into.Add(value);
        }
        into.Sort();
        return into.Count;
    }
}
