namespace Dinmo.IrEngine.Errors;

/// <summary>
/// Base of the engine's structural errors (config, schema, I/O, corrupt files, budgets).
/// Each subtype maps to one documented exit code of the command line (SPEC §8).
/// Bad <em>data</em> values are not exceptions: they are counted and reported.
/// </summary>
public abstract class IrEngineException : Exception
{
    protected IrEngineException(string message, Exception? inner = null) : base(message, inner) { }

    /// <summary>The process exit code the CLI reports for this error.</summary>
    public abstract int ExitCode { get; }
}
