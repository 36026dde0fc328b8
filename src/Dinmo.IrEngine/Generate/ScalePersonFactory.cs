using System.Globalization;

namespace Dinmo.IrEngine.Generate;

/// <summary>
/// Draws the persons of one scale chunk like <see cref="PersonFactory"/> does, but with emails,
/// phones and customer ids unique by construction — derived from the global person index — instead
/// of remembered in sets, so memory does not grow with the person count. Households form within the
/// chunk (<see cref="PersonFactory.FormHouseholds"/>).
/// </summary>
internal sealed class ScalePersonFactory(SeededRandom random)
{
    /// <summary>Phones carry 8 index-derived digits after the leading 6 or 7, so at most 10^8 persons have distinct numbers.</summary>
    public const long MaxPersons = PhoneCoreRange;

    private const long PhoneCoreRange = 100_000_000;

    /// <summary>Odd and not a multiple of 5, so coprime with 10^8: index × this mod 10^8 is a bijection that hides the index order.</summary>
    private const long PhoneScramble = 73_939_133;

    /// <summary>Persons [<paramref name="firstIndex"/>, firstIndex + count), households formed among them.</summary>
    public List<Person> Create(long firstIndex, int count)
    {
        var persons = new List<Person>(count);
        for (var i = 0; i < count; i++) persons.Add(CreateOne(firstIndex + i));
        PersonFactory.FormHouseholds(persons, random);
        return persons;
    }

    private Person CreateOne(long index)
    {
        var first = random.Pick(NamePool.FirstNames);
        var last = random.Pick(NamePool.LastNames);
        var country = random.Pick(NamePool.Countries);
        return new Person
        {
            PersonId = string.Create(CultureInfo.InvariantCulture, $"P{index + 1:D9}"),
            FirstName = first,
            LastName = last,
            Email = Email(first, last, index),
            SecondaryEmail = random.Chance(PersonFactory.SecondaryEmailRate) ? Email(first, last, index, "work.example.com") : null,
            PhoneDigits = Phone(country, index),
            Country = country,
            CustomerId = string.Create(CultureInfo.InvariantCulture, $"CU{1_000_000 + index * 7 + random.Next(7)}"),
            BirthDate = PersonFactory.EarliestBirth.AddDays(random.Next(PersonFactory.BirthDaySpan)),
            FirstSeen = PersonFactory.EarliestSeen.AddSeconds(random.Next(PersonFactory.SeenSecondSpan)),
        };
    }

    /// <summary>
    /// <c>first.last&lt;index&gt;@domain</c>: names hold no digits, so the trailing number recovers the
    /// index and two persons never share an address, whatever their names.
    /// </summary>
    private string Email(string first, string last, long index, string? domain = null)
    {
        domain ??= random.Pick(NamePool.EmailDomains);
        var separator = random.Pick(PersonFactory.Separators);
        var local = NoiseModel.DropAccents(first).ToLowerInvariant() + separator + NoiseModel.DropAccents(last).ToLowerInvariant();
        return string.Create(CultureInfo.InvariantCulture, $"{local}{index}@{domain}");
    }

    /// <summary>
    /// A 6 or 7, then 8 digits that are a bijection of the index (then a random digit for 10-digit
    /// countries): any two persons differ in those 8 digits, in every format the noise writes.
    /// </summary>
    private string Phone(Country country, long index)
    {
        var core = index % PhoneCoreRange * PhoneScramble % PhoneCoreRange;
        var lead = random.Chance(0.5) ? '6' : '7';
        var digits = string.Create(CultureInfo.InvariantCulture, $"{lead}{core:D8}");
        for (var i = digits.Length; i < country.NationalDigits; i++) digits += (char)('0' + random.Next(10));
        return digits;
    }
}
