namespace Dinmo.IrEngine.Macro.Report;

/// <summary>One of issue 6's targets: what it asks, what was measured, whether it is met (null: not measured).</summary>
internal sealed record Target(string Goal, string Measured, bool? Met)
{
    public string Verdict => Met switch { true => "met", false => "not met", null => "not measured" };
}
