using System.Runtime.InteropServices;
using Dinmo.IrEngine.Errors;

namespace Dinmo.IrEngine.Cli;

/// <summary>
/// Turns SIGINT and SIGTERM into cancellation: the run stops at its next check, leaves previous
/// outputs untouched, and exits 130 or 143. A stage busy in a long loop may not check for a while, so
/// after <see cref="Grace"/> the process exits with the same code anyway: that is as safe as a
/// <c>kill -9</c> (outputs are published by one rename, and the next run removes the staging folder).
/// </summary>
internal sealed class Interruption : IDisposable
{
    /// <summary>How long a cancelled run may take to stop by itself.</summary>
    public static readonly TimeSpan Grace = TimeSpan.FromSeconds(3);

    private readonly CancellationTokenSource _source = new();
    private readonly PosixSignalRegistration[] _registrations;

    public Interruption()
    {
        _registrations =
        [
            PosixSignalRegistration.Create(PosixSignal.SIGINT, context => Stop(context, ExitCodes.Interrupted)),
            PosixSignalRegistration.Create(PosixSignal.SIGTERM, context => Stop(context, ExitCodes.Terminated)),
        ];
    }

    public CancellationToken Token => _source.Token;

    /// <summary>130 after SIGINT, 143 after SIGTERM, null while uninterrupted.</summary>
    public int? ExitCode { get; private set; }

    private void Stop(PosixSignalContext context, int code)
    {
        context.Cancel = true; // we stop ourselves, cleanly
        if (ExitCode is not null) return;
        ExitCode = code;
        _source.Cancel();
        _ = Task.Delay(Grace).ContinueWith(_ =>
        {
            Console.Error.WriteLine($"irengine: error: interrupted ({(code == ExitCodes.Interrupted ? "SIGINT" : "SIGTERM")}); " +
                "stopping now; previous outputs are untouched");
            Environment.Exit(code);
        }, TaskScheduler.Default);
    }

    public void Dispose()
    {
        foreach (var registration in _registrations) registration.Dispose();
        _source.Dispose();
    }
}
