namespace Dinmo.IrEngine.Generate;

/// <summary>
/// Spreads persons over the source models: which models each person appears in (at least one), a
/// few within-model duplicates (same person twice, different key), noisy values for every copy,
/// then keys in shuffled order so key order says nothing about persons, and finally one null and
/// one duplicated primary key per model, as real extracts have.
/// </summary>
internal sealed class CopyPlanner(SeededRandom random, NoiseModel noise)
{
    private const double WithinModelDuplicate = 0.03;
    private const double MissingOrderValue = 0.01;
    private const double PaddedCustomerId = 0.05;

    /// <summary>Source updates fall within this many seconds (about 400 days) after a person's first sighting.</summary>
    private const int UpdateSecondSpan = 400 * 24 * 3600;

    /// <summary>Tables shorter than this are left without broken keys, so tiny test sets stay readable.</summary>
    private const int MinRowsForBrokenKeys = 10;

    /// <summary>
    /// One list of copies per plan, in plan order; each list is in key (= file) order. Keys of plan
    /// <c>p</c> are numbered from <paramref name="firstKeys"/>[p] (1 when null), so chunks of a
    /// scale run continue each other's keys.
    /// </summary>
    public List<ProfileCopy>[] Plan(IReadOnlyList<SourcePlan> plans, IReadOnlyList<Person> persons, IReadOnlyList<long>? firstKeys = null)
    {
        var copies = plans.Select(_ => new List<ProfileCopy>()).ToArray();
        foreach (var person in persons)
        {
            var any = false;
            for (var p = 0; p < plans.Count; p++)
            {
                if (!random.Chance(plans[p].Presence)) continue;
                AddCopies(copies[p], plans[p], person);
                any = true;
            }
            if (!any)
            {
                var p = random.Next(plans.Count);
                AddCopies(copies[p], plans[p], person);
            }
        }
        for (var p = 0; p < plans.Count; p++) AssignKeys(copies[p], firstKeys?[p] ?? 1);
        return copies;
    }

    private void AddCopies(List<ProfileCopy> into, SourcePlan plan, Person person)
    {
        into.Add(Copy(plan, person));
        if (random.Chance(WithinModelDuplicate)) into.Add(Copy(plan, person));
    }

    private ProfileCopy Copy(SourcePlan plan, Person person)
    {
        DateTimeOffset? updated = random.Chance(MissingOrderValue) ? null : person.FirstSeen.AddSeconds(random.Next(UpdateSecondSpan));
        return new ProfileCopy
        {
            PersonId = person.PersonId,
            FirstName = noise.Name(person.FirstName),
            LastName = noise.Name(person.LastName),
            Email = noise.Email(person.Email, plan.EmailTag),
            SecondaryEmail = person.SecondaryEmail is { } second ? noise.Email(second, plan.EmailTag) : null,
            Phone = noise.Phone(person.PhoneDigits, person.Country),
            CustomerId = random.Chance(plan.CustomerIdRate) ? CustomerId(person.CustomerId) : null,
            CountryCode = noise.CountryCode(person.Country.Code),
            BirthDate = person.BirthDate,
            UpdatedAt = updated,
            UpdatedAtText = updated is { } at ? noise.IsoText(at) : null,
        };
    }

    private string CustomerId(string id) => random.Chance(PaddedCustomerId) ? $" {id} " : id;

    private void AssignKeys(List<ProfileCopy> rows, long firstKey)
    {
        random.Shuffle(rows);
        for (var i = 0; i < rows.Count; i++) rows[i] = rows[i] with { KeyNumber = firstKey + i };
        if (rows.Count < MinRowsForBrokenKeys) return;

        // Two distinct rows, neither the first: one loses its key, one repeats its predecessor's.
        var missing = random.Next(1, rows.Count);
        int duplicate;
        do duplicate = random.Next(1, rows.Count);
        while (duplicate == missing || duplicate - 1 == missing);
        rows[missing] = rows[missing] with { KeyNumber = null };
        rows[duplicate] = rows[duplicate] with { KeyNumber = rows[duplicate - 1].KeyNumber };
    }
}
