namespace Dinmo.IrEngine.Config;

/// <summary>
/// "Did you mean" hints for misspelt keys, enum values, identifier names and columns: the closest
/// candidate by Damerau-Levenshtein distance (optimal string alignment: insertions, deletions,
/// substitutions and adjacent transpositions each cost 1), compared case-insensitively.
/// </summary>
internal static class DidYouMean
{
    /// <summary>The hint text (<c>did you mean 'primary_key'?</c>), or null when nothing is close enough.</summary>
    public static string? Hint(string found, IEnumerable<string> candidates)
    {
        var best = Closest(found, candidates);
        return best is null ? null : $"did you mean '{best}'?";
    }

    /// <summary>The closest candidate within the allowed distance; ties go to the first in order.</summary>
    public static string? Closest(string found, IEnumerable<string> candidates)
    {
        var word = found.ToLowerInvariant();
        string? best = null;
        var bestDistance = int.MaxValue;
        foreach (var candidate in candidates)
        {
            if (candidate == found) continue;
            var distance = Distance(word, candidate.ToLowerInvariant());
            if (distance < bestDistance)
            {
                best = candidate;
                bestDistance = distance;
            }
        }
        return bestDistance <= Allowed(found.Length) ? best : null;
    }

    // About one typo per four characters, at least 1 and at most 3: "primay_key" (10) may be 3 edits
    // away, "nme" only 1, so a short word is not "corrected" into an unrelated one.
    private static int Allowed(int length) => Math.Clamp((length + 2) / 4, 1, 3);

    /// <summary>Optimal string alignment distance between two strings.</summary>
    public static int Distance(string a, string b)
    {
        // Three rows suffice: the transposition case looks back two rows.
        var before = new int[b.Length + 1];
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++) previous[j] = j;
        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                var value = Math.Min(Math.Min(previous[j] + 1, current[j - 1] + 1), previous[j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                    value = Math.Min(value, before[j - 2] + 1);
                current[j] = value;
            }
            (before, previous, current) = (previous, current, before);
        }
        return previous[b.Length];
    }
}
