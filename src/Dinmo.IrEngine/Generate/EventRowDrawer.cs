namespace Dinmo.IrEngine.Generate;

/// <summary>
/// Draws one event row at a time from a <see cref="SeededRandom"/> stream and writes it: the person
/// (uniform; logins only among registered persons), one of their devices, a time in the
/// <see cref="EventGenerator.Days"/>-day window and the identifiers of the model's
/// <see cref="EventModelKind"/>, with the noise stitching must cope with: missing values, the
/// all-zero device id (blocked by the config) and a few shared kiosk devices (quarantined by
/// <c>max_profiles_per_value</c>). Used by one thread.
/// </summary>
internal sealed class EventRowDrawer(EventPopulation population, SeededRandom random, long start)
{
    /// <summary>Shared devices used by anyone: each soon touches more profiles than the limit allows.</summary>
    public const int KioskDevices = 5;

    /// <summary>The placeholder some SDKs send when tracking is refused; the config blocks it.</summary>
    public const string BlockedDevice = "00000000-0000-0000-0000-000000000000";

    private const int SecondsPerDay = 86_400;

    /// <summary>The person of the row drawn last (for the ground truth).</summary>
    public int Person { get; private set; }

    /// <summary>Draws row <paramref name="index"/> of <paramref name="plan"/> into <paramref name="table"/> and the ground truth.</summary>
    public void Draw(EventModelPlan plan, long index, EventTableWriter table, EventTableWriter truth)
    {
        Span<byte> key = stackalloc byte[32];
        Span<byte> id = stackalloc byte[EventPopulation.MaxIdBytes];
        var person = random.Next(population.Persons);
        if (plan.Kind == EventModelKind.Login)
            while (!population.IsRegistered(person)) person = random.Next(population.Persons);
        Person = person;
        var device = random.Next(population.Devices(person));
        var second = random.Next(EventGenerator.Days * SecondsPerDay);
        var micros = start + second * 1_000_000L + random.Next(1_000_000);
        var day = second / SecondsPerDay;

        var keyLength = Key(plan.KeyPrefix, index, key);
        table.Begin(key[..keyLength], micros);
        truth.Begin(key[..keyLength], micros);
        truth.Text(0, plan.NameUtf8);
        truth.Text(1, id[..EventPopulation.PersonId(person, id)]);
        truth.EndRow();

        switch (plan.Kind)
        {
            case EventModelKind.PageView or EventModelKind.Session:
                Anonymous(table, 0, person, device, day, missing: 0.02, id);
                Device(table, 1, person, device, id);
                break;
            case EventModelKind.Login:
                Anonymous(table, 0, person, device, day, missing: 0.05, id);
                table.Text(1, id[..population.UserId(person, id)]);
                if (random.Chance(0.4)) table.Text(2, id[..population.Email(person, shout: false, id)]);
                else table.Null(2);
                break;
            case EventModelKind.Order:
                if (population.IsRegistered(person) && random.Chance(0.85)) table.Text(0, id[..population.UserId(person, id)]);
                else table.Null(0);
                table.Text(1, id[..population.Email(person, shout: random.Chance(0.1), id)]);
                Anonymous(table, 2, person, device, day, missing: 0.4, id);
                break;
        }
        table.EndRow();
    }

    private void Anonymous(EventTableWriter table, int column, int person, int device, int day, double missing, Span<byte> id)
    {
        if (random.Chance(missing)) table.Null(column);
        else table.Text(column, id[..population.AnonymousId(person, device, day, id)]);
    }

    private void Device(EventTableWriter table, int column, int person, int device, Span<byte> id)
    {
        var roll = random.NextDouble();
        if (roll < 0.01) table.Text(column, "00000000-0000-0000-0000-000000000000"u8);
        else if (roll < 0.015) table.Text(column, id[..EventPopulation.Uuid(0xC105C, (ulong)random.Next(KioskDevices), id)]);
        else if (roll < 0.03) table.Null(column);
        else table.Text(column, id[..population.DeviceId(person, device, id)]);
    }

    /// <summary>The prefix and a 10-digit zero-padded number, so keys sort as they were drawn.</summary>
    private static int Key(string prefix, long index, Span<byte> into)
    {
        for (var i = 0; i < prefix.Length; i++) into[i] = (byte)prefix[i];
        System.Buffers.Text.Utf8Formatter.TryFormat(index, into[prefix.Length..], out var written, new System.Buffers.StandardFormat('D', 10));
        return prefix.Length + written;
    }
}
