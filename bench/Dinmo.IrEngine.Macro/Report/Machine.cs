using System.Runtime.InteropServices;
using DuckDB.NET.Data;
using Dinmo.IrEngine.Macro.Sql;

namespace Dinmo.IrEngine.Macro.Report;

/// <summary>What the benchmark ran on: processor, cores, memory, .NET and DuckDB versions.</summary>
internal sealed record Machine(string Processor, int Cores, long MemoryBytes, string Runtime, string DuckDb)
{
    public static Machine Describe() => new(
        CpuInfo("model name") ?? RuntimeInformation.ProcessArchitecture.ToString(),
        Environment.ProcessorCount,
        MemTotalBytes(),
        RuntimeInformation.FrameworkDescription,
        DuckDbVersion());

    private static string? CpuInfo(string key) => File.Exists("/proc/cpuinfo")
        ? File.ReadLines("/proc/cpuinfo").Where(l => l.StartsWith(key, StringComparison.Ordinal))
            .Select(l => l[(l.IndexOf(':') + 1)..].Trim()).FirstOrDefault()
        : null;

    private static long MemTotalBytes()
    {
        if (!File.Exists("/proc/meminfo")) return 0;
        var line = File.ReadLines("/proc/meminfo").First(l => l.StartsWith("MemTotal:", StringComparison.Ordinal));
        return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], System.Globalization.CultureInfo.InvariantCulture) * 1024;
    }

    private static string DuckDbVersion()
    {
        using var connection = new DuckDBConnection("DataSource=:memory:");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT version()";
        return command.ExecuteScalar()?.ToString() ?? "?";
    }
}
