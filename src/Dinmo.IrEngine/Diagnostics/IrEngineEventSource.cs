using System.Diagnostics.Tracing;

namespace Dinmo.IrEngine.Diagnostics;

/// <summary>
/// The <c>Dinmo-IrEngine</c> EventSource: Start/Stop events per pipeline stage, visible with
/// <c>dotnet-trace collect --providers Dinmo-IrEngine</c>. The Start/Stop suffixes make the runtime
/// pair them into activities.
/// </summary>
[EventSource(Name = "Dinmo-IrEngine")]
internal sealed class IrEngineEventSource : EventSource
{
    public static readonly IrEngineEventSource Log = new();

    [Event(1, Level = EventLevel.Informational, Opcode = EventOpcode.Start)]
    public void StageStart(string stage) => WriteEvent(1, stage);

    [Event(2, Level = EventLevel.Informational, Opcode = EventOpcode.Stop)]
    public void StageStop(string stage, double elapsedMilliseconds) => WriteEvent(2, stage, elapsedMilliseconds);
}
