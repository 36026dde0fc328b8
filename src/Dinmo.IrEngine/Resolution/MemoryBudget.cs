using System.Diagnostics;
using Dinmo.IrEngine.Errors;

namespace Dinmo.IrEngine.Resolution;

/// <summary>
/// The <c>--max-memory</c> budget, checked after each stage against the process's peak working set,
/// so a run over budget stops with exit code 5 and names the stage, before it publishes anything.
/// </summary>
internal sealed class MemoryBudget(long? maxBytes)
{
    public long PeakBytes
    {
        get
        {
            using var process = Process.GetCurrentProcess();
            return process.PeakWorkingSet64;
        }
    }

    public void Check(string stage)
    {
        if (maxBytes is not { } max) return;
        var peak = PeakBytes;
        if (peak > max)
        {
            throw new MemoryBudgetException(
                $"memory budget exceeded after stage '{stage}': peak {peak / (1024 * 1024)} MiB > --max-memory {max / (1024 * 1024)} MiB");
        }
    }
}
