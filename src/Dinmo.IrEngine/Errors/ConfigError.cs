namespace Dinmo.IrEngine.Errors;

/// <summary>
/// One problem in an identity graph: where it is (file, line:column, JSON path), what was found,
/// what was expected, and an optional "did you mean" hint.
/// </summary>
public sealed record ConfigError(
    string File,
    int Line,
    int Column,
    string JsonPath,
    string Found,
    string Expected,
    string? Hint = null)
{
    public override string ToString()
    {
        var where = Line > 0 ? $"{File}:{Line}:{Column}" : File;
        var text = $"{where}: {JsonPath}: found {Found}; expected {Expected}";
        return Hint is null ? text : $"{text} ({Hint})";
    }
}
