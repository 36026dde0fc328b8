namespace Dinmo.IrEngine.Stitch;

/// <summary>What <see cref="StitchingEngine.Process"/> decided for one event: the reason, the profile index (-1 when excluded) and the matched identifier rank (-1 when none).</summary>
internal readonly record struct StitchOutcome(AttributionReason Reason, int Profile, int Matched);
