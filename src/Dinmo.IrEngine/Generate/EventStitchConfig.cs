namespace Dinmo.IrEngine.Generate;

/// <summary>
/// The stitch config that goes with generated events (<c>events.json</c>): the four models and the
/// SPEC §9 policy — user id (exclusive anchor), email (anchor), anonymous id (cookie, 90-day
/// lifetime), device id (30-day lifetime, at most 3 profiles per value, the all-zero id blocked) —
/// with Arrow outputs. Fixed text, the same for every seed and count.
/// </summary>
internal static class EventStitchConfig
{
    public const string FileName = "events.json";

    public const string Json = $$"""
        {
          "project": "generated_events",
          "models": [
            { "name": "page_views", "path": "page_views.parquet", "primary_key": "event_id", "timestamp": "ts", "partition": "event_date",
              "identifiers": { "anonymous_id": ["anonymous_id"], "device_id": ["device_id"] } },
            { "name": "sessions", "path": "sessions.parquet", "primary_key": "session_id", "timestamp": "started_at", "partition": "event_date",
              "identifiers": { "anonymous_id": ["anonymous_id"], "device_id": ["device_id"] } },
            { "name": "logins", "path": "logins.parquet", "primary_key": "login_id", "timestamp": "ts", "partition": "event_date",
              "identifiers": { "anonymous_id": ["anonymous_id"], "user_id": ["user_id"], "email": ["email"] } },
            { "name": "orders", "path": "orders.parquet", "primary_key": "order_id", "timestamp": "created_at", "partition": "created_date",
              "identifiers": { "user_id": ["customer_ref"], "email": ["email"], "anonymous_id": ["anonymous_id"] } }
          ],
          "identifiers": [
            { "name": "user_id", "priority": 1, "anchor": true, "max_unique_values_per_profile": 1, "standardize": ["trim"] },
            { "name": "email", "priority": 2, "anchor": true, "standardize": ["email"] },
            { "name": "anonymous_id", "priority": 3, "lifetime": "P90D" },
            { "name": "device_id", "priority": 4, "lifetime": "P30D", "max_profiles_per_value": 3,
              "blocked_values": ["{{EventRowDrawer.BlockedDevice}}"] }
          ],
          "outputs": { "format": "arrow" }
        }

        """;
}
