namespace Dinmo.IrEngine.Generate;

/// <summary>
/// One generated event table: its file, key, time and partition columns, the identifier columns it
/// carries (in file order) and its share of the events. <see cref="Kind"/> selects how a row's
/// identifiers are drawn (<see cref="EventRowDrawer"/>).
/// </summary>
internal sealed record EventModelPlan(
    EventModelKind Kind,
    string Name,
    string KeyPrefix,
    string KeyColumn,
    string TimestampColumn,
    string PartitionColumn,
    IReadOnlyList<string> Columns,
    double Share)
{
    public string FileName => Name + ".parquet";

    /// <summary>The name as UTF-8, for the ground truth's model column.</summary>
    public byte[] NameUtf8 { get; } = System.Text.Encoding.UTF8.GetBytes(Name);

    /// <summary>The four tables of <c>irengine generate --events</c>; page views take what the others leave.</summary>
    public static IReadOnlyList<EventModelPlan> All { get; } =
    [
        new(EventModelKind.PageView, "page_views", "pv", "event_id", "ts", "event_date", ["anonymous_id", "device_id"], Share: 0),
        new(EventModelKind.Session, "sessions", "s", "session_id", "started_at", "event_date", ["anonymous_id", "device_id"], Share: 0.18),
        new(EventModelKind.Login, "logins", "l", "login_id", "ts", "event_date", ["anonymous_id", "user_id", "email"], Share: 0.08),
        new(EventModelKind.Order, "orders", "o", "order_id", "created_at", "created_date", ["customer_ref", "email", "anonymous_id"], Share: 0.06),
    ];
}

/// <summary>What a generated event is, which decides the identifiers it carries.</summary>
internal enum EventModelKind
{
    /// <summary>anonymous_id, device_id (sometimes missing, blocked or a shared kiosk).</summary>
    PageView,

    /// <summary>As a page view: the start of a visit.</summary>
    Session,

    /// <summary>A registered person signs in: anonymous_id, user_id, sometimes the email typed.</summary>
    Login,

    /// <summary>A purchase: the account's user id when signed in, the email always (upper-cased now and then), the cookie often.</summary>
    Order,
}
