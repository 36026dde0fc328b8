namespace Dinmo.IrEngine.Macro.Measure;

/// <summary>
/// One child process run: exit code, wall seconds from start to exit, peak resident set size
/// (VmHWM) and the machine's 1-minute load average sampled while it ran (mean and max).
/// </summary>
internal sealed record ProcessMeasurement(int ExitCode, double WallSeconds, long PeakRssBytes, double LoadMean, double LoadMax);
