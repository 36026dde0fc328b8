namespace Dinmo.IrEngine.Macro.Measure;

/// <summary>
/// One child process run: exit code, wall seconds from start to exit, CPU seconds (user + system,
/// all threads), peak resident set size (VmHWM) and the machine's 1-minute load average sampled
/// while it ran (mean and max). On a shared machine CPU seconds show the work done; wall seconds
/// also show how much of the cores the run got.
/// </summary>
internal sealed record ProcessMeasurement(int ExitCode, double WallSeconds, double CpuSeconds, long PeakRssBytes, double LoadMean, double LoadMax);
