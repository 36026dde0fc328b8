using System.Diagnostics;

namespace Dinmo.IrEngine.Tests.Support;

/// <summary>Runs the real <c>irengine</c> executable (built beside the tests) as a child process.</summary>
internal static class CliRunner
{
    public sealed record Result(int ExitCode, string StdOut, string StdErr)
    {
        /// <summary>The last stdout line: the one-line JSON summary.</summary>
        public string SummaryLine => StdOut.TrimEnd().Split('\n')[^1];

        public System.Text.Json.JsonElement Summary => System.Text.Json.JsonDocument.Parse(SummaryLine).RootElement;
    }

    private static readonly TimeSpan Limit = TimeSpan.FromMinutes(3);

    public static Result Run(params string[] args) => Run(null, args);

    public static Result Run(IDictionary<string, string>? environment, params string[] args)
    {
        using var process = Start(environment, args);
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(Limit))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"irengine {string.Join(' ', args)} ran over {Limit}");
        }
        process.WaitForExit();
        return new Result(process.ExitCode, stdout.Result, stderr.Result);
    }

    /// <summary>Starts irengine without waiting (for signal and kill tests).</summary>
    public static Process Start(IDictionary<string, string>? environment, params string[] args)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "irengine.dll"));
        foreach (var a in args) info.ArgumentList.Add(a);
        if (environment is not null)
        {
            foreach (var (key, value) in environment) info.Environment[key] = value;
        }
        var process = Process.Start(info)!;
        process.StandardInput.Close();
        return process;
    }
}
