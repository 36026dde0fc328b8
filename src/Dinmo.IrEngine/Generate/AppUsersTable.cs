using Apache.Arrow;
using Apache.Arrow.Types;
using Dinmo.IrEngine.Config;

namespace Dinmo.IrEngine.Generate;

/// <summary>
/// <c>app_users</c>, written as an Arrow IPC file: text keys like <c>usr_0000042</c>, the login
/// email, a phone number, names, and a millisecond UTC <c>created_at</c>. No customer id: app
/// users link to the rest only through email and phone.
/// </summary>
internal sealed class AppUsersTable : ISourceModel
{
    private static readonly TimestampType Millis = new(TimeUnit.Millisecond, "UTC");

    public string Name => "app_users";
    public OutputFormat Format => OutputFormat.Arrow;

    public Schema Schema { get; } = new Schema.Builder()
        .Field(Text("user_id")).Field(Text("login_email")).Field(Text("phone_number"))
        .Field(Text("first_name")).Field(Text("last_name"))
        .Field(new Field("created_at", Millis, nullable: true))
        .Build();

    public string KeyText(long keyNumber) => $"usr_{keyNumber:D7}";

    public RecordBatch Batch(IReadOnlyList<ProfileCopy> rows, int start, int count) => new(Schema,
    [
        ArrowColumns.Strings(rows, start, count, r => r.KeyNumber is { } k ? KeyText(k) : null),
        ArrowColumns.Strings(rows, start, count, r => r.Email),
        ArrowColumns.Strings(rows, start, count, r => r.Phone),
        ArrowColumns.Strings(rows, start, count, r => r.FirstName),
        ArrowColumns.Strings(rows, start, count, r => r.LastName),
        ArrowColumns.Timestamps(rows, start, count, Millis, r => r.UpdatedAt),
    ], count);

    private static Field Text(string name) => new(name, StringType.Default, nullable: true);
}
