using System.Runtime.InteropServices;
using Dinmo.IrEngine.Errors;

namespace Dinmo.IrEngine.Cli;

/// <summary>
/// Turns SIGINT and SIGTERM into cancellation: the run stops at its next check (within seconds),
/// leaves previous outputs untouched, and exits 130 or 143.
/// </summary>
internal sealed class Interruption : IDisposable
{
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
        ExitCode ??= code;
        _source.Cancel();
    }

    public void Dispose()
    {
        foreach (var registration in _registrations) registration.Dispose();
        _source.Dispose();
    }
}
