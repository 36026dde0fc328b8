namespace Dinmo.IrEngine.Errors;

/// <summary>The run would exceed its memory budget: exit code 5. Says which stage and how much.</summary>
public sealed class MemoryBudgetException : IrEngineException
{
    public MemoryBudgetException(string message) : base(message) { }

    public override int ExitCode => ExitCodes.MemoryBudgetExceeded;
}
