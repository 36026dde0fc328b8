using System.Buffers;
using System.Text;
using System.Text.RegularExpressions;
using Dinmo.IrEngine.Columnar;
using Dinmo.IrEngine.Config;
using Dinmo.IrEngine.Errors;

namespace Dinmo.IrEngine.Standardize;

/// <summary>
/// One identifier's <c>blocked_values</c> (standardized with the identifier's own steps) and
/// <c>blocked_patterns</c> (.NET regular expressions with a match timeout). Profile Resolution decides
/// once per distinct value; Event Stitching per observation, before values are interned, so a decision
/// allocates nothing: values are compared as UTF-8 bytes, and patterns run on the value decoded into a
/// reused span.
/// </summary>
internal sealed class BlockList
{
    /// <summary>A pattern that needs longer than this on one value is a config problem, not a data one.</summary>
    private static readonly TimeSpan MatchTimeout = TimeSpan.FromMilliseconds(250);

    private readonly IdentifierConfig _identifier;
    private readonly HashSet<byte[]>.AlternateLookup<ReadOnlySpan<byte>> _values;
    private readonly Regex[] _patterns;

    public BlockList(IdentifierConfig identifier)
    {
        _identifier = identifier;
        using var standardizer = new Standardizer(identifier.Standardize);
        _values = identifier.BlockedValues.Select(standardizer.ApplyToString).Where(v => v.Length > 0).Select(Encoding.UTF8.GetBytes)
            .ToHashSet(Utf8Bytes.Comparer).GetAlternateLookup<ReadOnlySpan<byte>>();
        _patterns = identifier.BlockedPatterns
            .Select(p => new Regex(p, RegexOptions.CultureInvariant, MatchTimeout)).ToArray();
    }

    public bool IsEmpty => _values.Set.Count == 0 && _patterns.Length == 0;

    /// <summary>Values up to this many UTF-16 code units are decoded for the patterns on the stack.</summary>
    private const int StackChars = 256;

    public BlockReason Decide(ReadOnlySpan<byte> standardized)
    {
        if (IsEmpty) return BlockReason.None;
        if (_values.Contains(standardized)) return BlockReason.BlockedValue;
        if (_patterns.Length == 0) return BlockReason.None;
        var most = Encoding.UTF8.GetMaxCharCount(standardized.Length);
        char[]? rented = null;
        var chars = most <= StackChars ? stackalloc char[StackChars] : (rented = ArrayPool<char>.Shared.Rent(most));
        try
        {
            return Matches(chars[..Encoding.UTF8.GetChars(standardized, chars)]) ? BlockReason.BlockedPattern : BlockReason.None;
        }
        finally
        {
            if (rented is not null) ArrayPool<char>.Shared.Return(rented);
        }
    }

    private bool Matches(ReadOnlySpan<char> text)
    {
        foreach (var pattern in _patterns)
        {
            try
            {
                if (pattern.IsMatch(text)) return true;
            }
            catch (RegexMatchTimeoutException)
            {
                throw new ConfigException(new ConfigError("", 0, 0, $"identifiers[{_identifier.Name}].blocked_patterns",
                    $"pattern '{pattern}' took over {MatchTimeout.TotalMilliseconds} ms on one value",
                    "a pattern that matches in linear time"));
            }
        }
        return false;
    }
}
