using System.Globalization;
using System.Text;

namespace Dinmo.IrEngine.Generate;

/// <summary>
/// Turns clean person values into what sources really hold: emails with case, spaces and
/// <c>+tags</c>; phones in international and national formats; names with one-edit typos, dropped
/// accents and odd case; missing values; placeholders (<see cref="PlaceholderEmail"/>,
/// <see cref="PlaceholderPhone"/>). Rates are per value; all draws come from one stream.
/// </summary>
internal sealed class NoiseModel(SeededRandom random)
{
    public const string PlaceholderEmail = "test@test.com";
    public const string PlaceholderPhone = "0000000000";

    private const double MissingEmail = 0.08, PlaceholderEmailRate = 0.01, TaggedEmail = 0.08;
    private const double MissingPhone = 0.12, PlaceholderPhoneRate = 0.01, NationalPhone = 0.15;
    private const double MissingName = 0.03, NameTypo = 0.04, AccentsDropped = 0.2;
    private const double OddCase = 0.05, PaddedWithSpaces = 0.05, MissingCountry = 0.05;

    private const string Letters = "abcdefghijklmnopqrstuvwxyz";

    public string? Email(string email, string tagHint)
    {
        if (random.Chance(MissingEmail)) return null;
        if (random.Chance(PlaceholderEmailRate)) return Padded(random.Chance(0.5) ? PlaceholderEmail : "TEST@test.com");
        if (random.Chance(TaggedEmail))
        {
            var at = email.IndexOf('@');
            var tag = random.Chance(0.5) ? tagHint : random.Pick(NamePool.EmailTags);
            email = $"{email[..at]}+{tag}{email[at..]}";
        }
        if (random.Chance(OddCase)) email = random.Chance(0.5) ? email.ToUpperInvariant() : Capitalized(email);
        return Padded(email);
    }

    /// <summary>A phone as people type it; national forms keep the trunk 0 and so differ from international ones once only digits remain.</summary>
    public string? Phone(string digits, Country country)
    {
        if (random.Chance(MissingPhone)) return null;
        if (random.Chance(PlaceholderPhoneRate)) return PlaceholderPhone;
        if (random.Chance(NationalPhone))
            return random.Chance(0.5) ? Grouped("0" + digits, ".") : "0" + digits;
        return random.Next(3) switch
        {
            0 => $"+{country.CallingCode} {digits[0]} {Grouped(digits[1..], " ")}",
            1 => $"+{country.CallingCode}{digits}",
            _ => $"+{country.CallingCode}-{digits}",
        };
    }

    /// <summary>A name, maybe missing, with one typo, without its accents, upper-cased or padded.</summary>
    public string? Name(string name)
    {
        if (random.Chance(MissingName)) return null;
        if (random.Chance(AccentsDropped)) name = DropAccents(name);
        if (random.Chance(NameTypo)) name = Typo(name);
        if (random.Chance(OddCase)) name = name.ToUpperInvariant();
        return Padded(name);
    }

    public string? CountryCode(string code)
    {
        if (random.Chance(MissingCountry)) return null;
        return random.Chance(OddCase) ? code.ToLowerInvariant() : code;
    }

    /// <summary>The timestamp as a CSV export writes it: UTC with Z, a space instead of T, an offset, or a bare date.</summary>
    public string IsoText(DateTimeOffset at) => random.Next(10) switch
    {
        < 7 => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
        7 => at.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
        8 => at.ToOffset(TimeSpan.FromHours(2)).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture),
        _ => at.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
    };

    /// <summary>One edit (substitute, delete or insert a letter) away from <paramref name="name"/>, never at the first letter.</summary>
    public string Typo(string name)
    {
        if (name.Length < 3) return name;
        var at = random.Next(1, name.Length);
        var letter = Letters[random.Next(Letters.Length)];
        return random.Next(3) switch
        {
            0 => string.Concat(name.AsSpan(0, at), [letter], name.AsSpan(at + 1)),
            1 => name.Remove(at, 1),
            _ => name.Insert(at, letter.ToString()),
        };
    }

    /// <summary>
    /// Spells a name without diacritics, as an ASCII-only system would (Zoë → Zoe, Łukasz → Lukasz,
    /// Strauß → Strauss). Only the letters of <see cref="NamePool"/> need covering; the engine's own
    /// folding is a separate, complete implementation.
    /// </summary>
    public static string DropAccents(string name)
    {
        var builder = new StringBuilder(name.Length + 2);
        foreach (var c in name) builder.Append(Unaccented(c));
        return builder.ToString();
    }

    private static string Unaccented(char c) => c switch
    {
        'á' or 'à' or 'â' or 'ä' or 'ã' => "a",
        'é' or 'è' or 'ê' or 'ë' => "e",
        'É' => "E",
        'í' or 'ì' or 'î' or 'ï' => "i",
        'ó' or 'ò' or 'ô' or 'ö' or 'õ' => "o",
        'Ö' => "O",
        'ú' or 'ù' or 'û' or 'ü' => "u",
        'ç' => "c",
        'ñ' => "n",
        'ń' => "n",
        'ś' => "s",
        'ł' => "l",
        'Ł' => "L",
        'ø' => "o",
        'ß' => "ss",
        _ => c.ToString(),
    };

    private string Padded(string value) => random.Chance(PaddedWithSpaces)
        ? (random.Chance(0.5) ? " " + value : value + "  ")
        : value;

    private static string Capitalized(string value) => char.ToUpperInvariant(value[0]) + value[1..];

    /// <summary>Digits in pairs separated by <paramref name="separator"/> (a leading odd digit stays alone).</summary>
    private static string Grouped(string digits, string separator)
    {
        var builder = new StringBuilder(digits.Length * 2);
        var start = digits.Length % 2;
        if (start == 1) builder.Append(digits[0]);
        for (var i = start; i < digits.Length; i += 2)
        {
            if (builder.Length > 0) builder.Append(separator);
            builder.Append(digits, i, 2);
        }
        return builder.ToString();
    }
}
