namespace Dinmo.IrEngine.Errors;

/// <summary>The exit codes of the command-line contract (SPEC §8).</summary>
public static class ExitCodes
{
    public const int Success = 0;
    public const int InternalError = 1;
    public const int InvalidConfig = 2;
    public const int InvalidInput = 3;
    public const int OutputFailure = 4;
    public const int MemoryBudgetExceeded = 5;
    public const int Interrupted = 130;
    public const int Terminated = 143;
}
