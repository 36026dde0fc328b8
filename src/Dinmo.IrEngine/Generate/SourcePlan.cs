namespace Dinmo.IrEngine.Generate;

/// <summary>How persons show up in one source model.</summary>
/// <param name="Table">The model's table layout.</param>
/// <param name="Presence">Share of persons with a record in this model.</param>
/// <param name="CustomerIdRate">Share of its records that carry the customer id (0 when the model has no such column).</param>
/// <param name="EmailTag">The <c>+tag</c> users typically add when signing up to this source.</param>
internal sealed record SourcePlan(ISourceModel Table, double Presence, double CustomerIdRate, string EmailTag);
