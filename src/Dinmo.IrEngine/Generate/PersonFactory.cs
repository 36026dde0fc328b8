namespace Dinmo.IrEngine.Generate;

/// <summary>
/// Draws clean persons from <see cref="NamePool"/>: unique emails, phones and customer ids, except
/// households, where consecutive persons share a last name and a (landline-like) phone — the kind
/// of pair an "exact phone + last name" rule links although they are different people.
/// </summary>
internal sealed class PersonFactory(SeededRandom random)
{
    /// <summary>Share of persons who head a household of two or three sharing a phone.</summary>
    public const double HouseholdRate = 0.02;
    public const double SecondaryEmailRate = 0.2;

    /// <summary>Birth dates span 1950-01-01 plus about 50 years.</summary>
    public static readonly DateOnly EarliestBirth = new(1950, 1, 1);
    public const int BirthDaySpan = 50 * 365;

    /// <summary>First sightings span 2021-01-01 plus two years; source updates come later.</summary>
    public static readonly DateTimeOffset EarliestSeen = new(2021, 1, 1, 0, 0, 0, TimeSpan.Zero);
    public const int SeenSecondSpan = 2 * 365 * 24 * 3600;

    private readonly HashSet<string> _emails = new(StringComparer.Ordinal);
    private readonly HashSet<string> _phones = new(StringComparer.Ordinal);

    public List<Person> Create(int count)
    {
        var persons = new List<Person>(count);
        for (var i = 0; i < count; i++) persons.Add(CreateOne(i));
        FormHouseholds(persons, random);
        return persons;
    }

    private Person CreateOne(int index)
    {
        var first = random.Pick(NamePool.FirstNames);
        var last = random.Pick(NamePool.LastNames);
        var country = random.Pick(NamePool.Countries);
        return new Person
        {
            PersonId = $"P{index + 1:D6}",
            FirstName = first,
            LastName = last,
            Email = UniqueEmail(first, last),
            SecondaryEmail = random.Chance(SecondaryEmailRate) ? UniqueEmail(first, last, "work.example.com") : null,
            PhoneDigits = UniquePhone(country),
            Country = country,
            CustomerId = $"CU{1_000_000 + index * 7 + random.Next(7)}",
            BirthDate = EarliestBirth.AddDays(random.Next(BirthDaySpan)),
            FirstSeen = EarliestSeen.AddSeconds(random.Next(SeenSecondSpan)),
        };
    }

    private string UniqueEmail(string first, string last, string? domain = null)
    {
        domain ??= random.Pick(NamePool.EmailDomains);
        var separator = random.Pick(Separators);
        var local = NoiseModel.DropAccents(first).ToLowerInvariant() + separator + NoiseModel.DropAccents(last).ToLowerInvariant();
        var email = $"{local}@{domain}";
        while (!_emails.Add(email)) email = $"{local}{random.Next(1, 1000)}@{domain}";
        return email;
    }

    private string UniquePhone(Country country)
    {
        string digits;
        do
        {
            var chars = new char[country.NationalDigits];
            chars[0] = random.Chance(0.5) ? '6' : '7';
            for (var i = 1; i < chars.Length; i++) chars[i] = (char)('0' + random.Next(10));
            digits = new string(chars);
        }
        while (!_phones.Add(digits));
        return digits;
    }

    /// <summary>
    /// Makes the one or two persons after a household head share its last name, phone and country
    /// (customer ids stay their own, so a cluster joining them breaks the customer id conflict limit).
    /// </summary>
    public static void FormHouseholds(List<Person> persons, SeededRandom random)
    {
        for (var i = 0; i + 2 < persons.Count; i++)
        {
            if (!random.Chance(HouseholdRate)) continue;
            var head = persons[i];
            var members = random.Chance(0.7) ? 1 : 2;
            for (var m = 1; m <= members; m++)
                persons[i + m] = persons[i + m] with { LastName = head.LastName, PhoneDigits = head.PhoneDigits, Country = head.Country };
            i += members;
        }
    }

    public static readonly string[] Separators = [".", ".", "_", ""];
}
