namespace Dinmo.IrEngine.Errors;

/// <summary>Writing or publishing outputs failed: exit code 4.</summary>
public sealed class OutputException : IrEngineException
{
    public OutputException(string message, Exception? inner = null) : base(message, inner) { }

    public override int ExitCode => ExitCodes.OutputFailure;
}
