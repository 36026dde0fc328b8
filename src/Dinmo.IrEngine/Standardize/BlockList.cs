using System.Text;
using System.Text.RegularExpressions;
using Dinmo.IrEngine.Config;
using Dinmo.IrEngine.Errors;

namespace Dinmo.IrEngine.Standardize;

/// <summary>
/// One identifier's <c>blocked_values</c> (standardized with the identifier's own steps) and
/// <c>blocked_patterns</c> (.NET regular expressions with a match timeout). Decided once per
/// distinct value, never per observation.
/// </summary>
internal sealed class BlockList
{
    /// <summary>A pattern that needs longer than this on one value is a config problem, not a data one.</summary>
    private static readonly TimeSpan MatchTimeout = TimeSpan.FromMilliseconds(250);

    private readonly IdentifierConfig _identifier;
    private readonly HashSet<string> _values;
    private readonly Regex[] _patterns;

    public BlockList(IdentifierConfig identifier)
    {
        _identifier = identifier;
        using var standardizer = new Standardizer(identifier.Standardize);
        _values = identifier.BlockedValues.Select(standardizer.ApplyToString).Where(v => v.Length > 0).ToHashSet(StringComparer.Ordinal);
        _patterns = identifier.BlockedPatterns
            .Select(p => new Regex(p, RegexOptions.CultureInvariant, MatchTimeout)).ToArray();
    }

    public bool IsEmpty => _values.Count == 0 && _patterns.Length == 0;

    public BlockReason Decide(ReadOnlySpan<byte> standardized)
    {
        if (IsEmpty) return BlockReason.None;
        var text = Encoding.UTF8.GetString(standardized);
        if (_values.Contains(text)) return BlockReason.BlockedValue;
        foreach (var pattern in _patterns)
        {
            try
            {
                if (pattern.IsMatch(text)) return BlockReason.BlockedPattern;
            }
            catch (RegexMatchTimeoutException)
            {
                throw new ConfigException(new ConfigError("", 0, 0, $"identifiers[{_identifier.Name}].blocked_patterns",
                    $"pattern '{pattern}' took over {MatchTimeout.TotalMilliseconds} ms on one value",
                    "a pattern that matches in linear time"));
            }
        }
        return BlockReason.None;
    }
}
