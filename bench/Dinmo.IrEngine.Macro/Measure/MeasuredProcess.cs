using System.Diagnostics;
using System.Globalization;

namespace Dinmo.IrEngine.Macro.Measure;

/// <summary>
/// Starts a child process, waits for it and measures it. Peak memory is the kernel's high-water mark
/// of resident memory (<c>VmHWM</c> in <c>/proc/&lt;pid&gt;/status</c>), polled while the child runs: the
/// mark only rises, so the last reading before exit misses at most one poll interval of growth.
/// CPU time is read the same way from <c>/proc/&lt;pid&gt;/stat</c> (utime + stime, all threads).
/// Standard output and error go to files, so a chatty child never blocks on a full pipe.
/// </summary>
internal static class MeasuredProcess
{
    /// <summary>Poll period: short against a run of seconds, long enough to cost nothing.</summary>
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(50);

    /// <summary>USER_HZ: /proc reports CPU time in ticks of 1/100 s on Linux, whatever the kernel's HZ.</summary>
    private const double TicksPerSecond = 100;

    /// <summary>Load average changes every 5 s in the kernel; sampling it each second is plenty.</summary>
    private static readonly TimeSpan LoadPoll = TimeSpan.FromSeconds(1);

    public static ProcessMeasurement Run(string fileName, IReadOnlyList<string> arguments, string stdoutPath, string stderrPath)
    {
        var start = new ProcessStartInfo(fileName) { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);

        var loads = new List<double> { LoadAverage() };
        var clock = Stopwatch.StartNew();
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {fileName}");
        using var stdout = File.Create(stdoutPath);
        using var stderr = File.Create(stderrPath);
        var copyOut = process.StandardOutput.BaseStream.CopyToAsync(stdout);
        var copyErr = process.StandardError.BaseStream.CopyToAsync(stderr);

        long peak = 0, ticks = 0;
        var lastLoad = TimeSpan.Zero;
        while (!process.WaitForExit(Poll))
        {
            peak = Math.Max(peak, HighWaterMark(process.Id));
            ticks = Math.Max(ticks, CpuTicks(process.Id));
            if (clock.Elapsed - lastLoad >= LoadPoll)
            {
                loads.Add(LoadAverage());
                lastLoad = clock.Elapsed;
            }
        }
        var wall = clock.Elapsed.TotalSeconds;
        Task.WaitAll(copyOut, copyErr);
        return new ProcessMeasurement(process.ExitCode, wall, ticks / TicksPerSecond, peak, loads.Average(), loads.Max());
    }

    /// <summary>VmHWM in bytes, or 0 once the process has gone (its status no longer lists memory).</summary>
    private static long HighWaterMark(int pid)
    {
        try
        {
            foreach (var line in File.ReadLines($"/proc/{pid}/status"))
            {
                if (!line.StartsWith("VmHWM:", StringComparison.Ordinal)) continue;
                var kib = line["VmHWM:".Length..].Trim().Split(' ')[0];
                return long.Parse(kib, CultureInfo.InvariantCulture) * 1024;
            }
        }
        catch (IOException)
        {
            // Exited between WaitForExit and the read.
        }
        return 0;
    }

    /// <summary>utime + stime of the process in ticks, or 0 once it has gone.</summary>
    private static long CpuTicks(int pid)
    {
        try
        {
            // "pid (comm) state ppid …": comm may hold spaces, so count fields from the last ')'.
            // After it, field 3 (state) is index 0, so utime (14) and stime (15) are indices 11 and 12.
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            return long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
        }
        catch (IOException)
        {
            return 0;
        }
    }

    /// <summary>The 1-minute load average from <c>/proc/loadavg</c>.</summary>
    public static double LoadAverage() =>
        double.Parse(File.ReadAllText("/proc/loadavg").Split(' ')[0], CultureInfo.InvariantCulture);
}
