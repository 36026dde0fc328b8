namespace Dinmo.IrEngine.Errors;

/// <summary>Invalid input data (missing file or column, corrupt file, bad value): exit code 3.</summary>
public sealed class InputException : IrEngineException
{
    public InputException(string message, Exception? inner = null) : base(message, inner) { }

    public override int ExitCode => ExitCodes.InvalidInput;
}
