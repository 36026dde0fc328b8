using System.Buffers.Text;

namespace Dinmo.IrEngine.Generate;

/// <summary>
/// The persons behind generated events, derived from (seed, person index) by hashing rather than
/// stored, so any number of events can be streamed in constant memory: whether a person is a
/// registered user, their user id and email, their devices (1 to 3) and the anonymous id each device
/// carries on a given day (a cookie that is reset every <see cref="CookieDays"/> days, at a
/// per-device offset). Ids are written as UTF-8 into caller buffers; nothing allocates.
/// </summary>
internal sealed class EventPopulation(int persons, ulong seed)
{
    /// <summary>Share of persons with an account (user id, email), in percent.</summary>
    public const int RegisteredPercent = 55;

    /// <summary>How long a browser keeps one anonymous id before it is reset.</summary>
    public const int CookieDays = 30;

    /// <summary>Longest id written: a 36-character UUID-shaped device id.</summary>
    public const int MaxIdBytes = 64;

    private const int MaxDevices = 3;

    private static readonly string[] Domains = ["example.com", "mail.example", "shop.example", "post.example"];

    public int Persons { get; } = persons;

    public bool IsRegistered(int person) => Hash(person, Salt.Registered) % 100 < RegisteredPercent;

    public int Devices(int person) => 1 + (int)(Hash(person, Salt.Devices) % MaxDevices);

    /// <summary><c>u</c> + 8 hex digits: a bijection of the index (odd multiplier mod 2^32, xor), so ids never collide.</summary>
    public int UserId(int person, Span<byte> into)
    {
        into[0] = (byte)'u';
        Utf8Formatter.TryFormat(Scramble(person), into[1..], out var written, new System.Buffers.StandardFormat('x', 8));
        return written + 1;
    }

    /// <summary>The account email; <paramref name="shout"/> writes it upper-cased, as some order forms do (standardization lowers it).</summary>
    public int Email(int person, bool shout, Span<byte> into)
    {
        var length = 0;
        into[length++] = (byte)'c';
        Utf8Formatter.TryFormat(Scramble(person), into[length..], out var written, new System.Buffers.StandardFormat('x', 8));
        length += written;
        into[length++] = (byte)'@';
        var domain = Domains[(int)(Hash(person, Salt.Domain) % (ulong)Domains.Length)];
        for (var i = 0; i < domain.Length; i++) into[length++] = (byte)domain[i];
        if (shout)
            for (var i = 0; i < length; i++) into[i] = (byte)char.ToUpperInvariant((char)into[i]);
        return length;
    }

    /// <summary>A UUID-shaped device id (8-4-4-4-12 lower-case hex) from 128 hashed bits.</summary>
    public int DeviceId(int person, int device, Span<byte> into) =>
        Uuid(Hash(person, Salt.DeviceHigh + (ulong)device), Hash(person, Salt.DeviceLow + (ulong)device), into);

    /// <summary><c>a-</c> + 16 hex digits: the cookie of <paramref name="device"/> on day <paramref name="day"/>.</summary>
    public int AnonymousId(int person, int device, int day, Span<byte> into)
    {
        var offset = (int)(Hash(person, Salt.CookieOffset + (ulong)device) % CookieDays);
        var generation = (ulong)((day + offset) / CookieDays);
        into[0] = (byte)'a';
        into[1] = (byte)'-';
        Utf8Formatter.TryFormat(Hash(person, Salt.Cookie + ((ulong)device << 20) + generation), into[2..], out var written,
            new System.Buffers.StandardFormat('x', 16));
        return written + 2;
    }

    /// <summary>The ground-truth person id: <c>person-</c> + 8 digits.</summary>
    public static int PersonId(int person, Span<byte> into)
    {
        "person-"u8.CopyTo(into);
        Utf8Formatter.TryFormat(person, into[7..], out var written, new System.Buffers.StandardFormat('D', 8));
        return written + 7;
    }

    /// <summary>A UUID-shaped text of two 64-bit halves.</summary>
    public static int Uuid(ulong high, ulong low, Span<byte> into)
    {
        Span<byte> hex = stackalloc byte[32];
        Utf8Formatter.TryFormat(high, hex, out _, new System.Buffers.StandardFormat('x', 16));
        Utf8Formatter.TryFormat(low, hex[16..], out _, new System.Buffers.StandardFormat('x', 16));
        hex[..8].CopyTo(into);
        into[8] = (byte)'-';
        hex[8..12].CopyTo(into[9..]);
        into[13] = (byte)'-';
        hex[12..16].CopyTo(into[14..]);
        into[18] = (byte)'-';
        hex[16..20].CopyTo(into[19..]);
        into[23] = (byte)'-';
        hex[20..32].CopyTo(into[24..]);
        return 36;
    }

    private uint Scramble(int person) => ((uint)person * 0x9E3779B1u) ^ (uint)seed;

    /// <summary>SplitMix64's finalizer over (seed, person, salt): a stateless, well-mixed 64-bit draw.</summary>
    private ulong Hash(int person, ulong salt)
    {
        var z = seed + (ulong)person * 0x9E3779B97F4A7C15UL + salt * 0xD1B54A32D192ED03UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    /// <summary>One salt per derived attribute, far apart so per-device offsets never overlap.</summary>
    private static class Salt
    {
        public const ulong Registered = 1;
        public const ulong Devices = 2;
        public const ulong Domain = 3;
        public const ulong DeviceHigh = 1 << 8;
        public const ulong DeviceLow = 2 << 8;
        public const ulong CookieOffset = 3 << 8;
        public const ulong Cookie = 1UL << 32;
    }
}
