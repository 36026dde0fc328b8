using System.Diagnostics;
using Dinmo.IrEngine.Errors;

namespace Dinmo.IrEngine.Cli;

/// <summary>What every command shares: the interruption token and the top-level error mapping.</summary>
internal sealed class CommandContext(Interruption interruption)
{
    public bool Verbose { get; set; }

    public CancellationToken Cancel => interruption.Token;

    /// <summary>Runs a command body and maps its outcome to an exit code (SPEC §8).</summary>
    public int Execute(Func<int> body, string? runId = null)
    {
        try
        {
            return body();
        }
        catch (OperationCanceledException) when (interruption.ExitCode is { } code)
        {
            Fail(code, $"interrupted by {(code == ExitCodes.Interrupted ? "SIGINT" : "SIGTERM")}; previous outputs are untouched", runId);
            return code;
        }
        catch (IrEngineException e)
        {
            Fail(e.ExitCode, e.Message, runId);
            if (Verbose && e.InnerException is { } inner) Console.Error.WriteLine(inner);
            return e.ExitCode;
        }
        catch (Exception e) when (!Debugger.IsAttached)
        {
            Fail(ExitCodes.InternalError, $"internal error: {e.Message}", runId);
            if (Verbose) Console.Error.WriteLine(e);
            return ExitCodes.InternalError;
        }
    }

    private static void Fail(int code, string message, string? runId)
    {
        Console.Error.WriteLine($"irengine: error: {message}");
        Console.Out.WriteLine(Output.RunSummaryJson.Failure(code, message, runId));
    }
}
