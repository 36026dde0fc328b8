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

    public static Result Run(IDictionary<string, string>? environment, params string[] args) => RunProcess(environment, null, args);

    /// <summary>Runs irengine with <paramref name="standardInput"/> piped to its stdin (then closed).</summary>
    public static Result RunWithInput(byte[] standardInput, params string[] args) => RunProcess(null, standardInput, args);

    private static Result RunProcess(IDictionary<string, string>? environment, byte[]? standardInput, string[] args)
    {
        using var process = Launch(environment, args);
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        // Feed stdin while the outputs drain, so a child blocked on a full pipe cannot deadlock us.
        var stdin = Task.Run(async () =>
        {
            try
            {
                if (standardInput is not null) await process.StandardInput.BaseStream.WriteAsync(standardInput);
            }
            catch (IOException)
            {
                // The child exited without reading everything; its exit code tells the test why.
            }
            finally
            {
                process.StandardInput.Close();
            }
        });
        if (!process.WaitForExit(Limit))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"irengine {string.Join(' ', args)} ran over {Limit}");
        }
        process.WaitForExit();
        stdin.Wait();
        return new Result(process.ExitCode, stdout.Result, stderr.Result);
    }

    /// <summary>Starts irengine without waiting (for signal and kill tests), with stdin closed.</summary>
    public static Process Start(IDictionary<string, string>? environment, params string[] args)
    {
        var process = Launch(environment, args);
        process.StandardInput.Close();
        return process;
    }

    private static Process Launch(IDictionary<string, string>? environment, string[] args)
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
        return Process.Start(info)!;
    }
}
