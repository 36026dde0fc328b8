namespace Dinmo.IrEngine.Errors;

/// <summary>An invalid identity graph or command line: exit code 2. Holds every error found.</summary>
public sealed class ConfigException : IrEngineException
{
    public ConfigException(IReadOnlyList<ConfigError> errors)
        : base(Describe(errors)) => Errors = errors;

    public ConfigException(ConfigError error) : this([error]) { }

    /// <summary>Every error found, in document order.</summary>
    public IReadOnlyList<ConfigError> Errors { get; }

    public override int ExitCode => ExitCodes.InvalidConfig;

    private static string Describe(IReadOnlyList<ConfigError> errors) =>
        errors.Count == 1 ? errors[0].ToString() : $"{errors.Count} config errors:{Environment.NewLine}" +
            string.Join(Environment.NewLine, errors.Select(e => "  " + e));
}
