using Apache.Arrow;
using Apache.Arrow.Types;
using Dinmo.IrEngine.Config;

namespace Dinmo.IrEngine.Generate;

/// <summary>
/// <c>crm_contacts</c>, written as CSV: every column is text, <c>updated_at</c> included (ISO-8601
/// in several styles), keys like <c>CRM-000042</c>, a secondary email and the CRM customer id.
/// </summary>
internal sealed class CrmContactsTable : ISourceModel
{
    public string Name => "crm_contacts";
    public OutputFormat Format => OutputFormat.Csv;

    public Schema Schema { get; } = new Schema.Builder()
        .Field(Text("contact_id")).Field(Text("email")).Field(Text("email_secondary")).Field(Text("mobile"))
        .Field(Text("crm_id")).Field(Text("first_name")).Field(Text("last_name")).Field(Text("country_code"))
        .Field(Text("updated_at"))
        .Build();

    public string KeyText(long keyNumber) => $"CRM-{keyNumber:D6}";

    public RecordBatch Batch(IReadOnlyList<ProfileCopy> rows, int start, int count) => new(Schema,
    [
        ArrowColumns.Strings(rows, start, count, r => r.KeyNumber is { } k ? KeyText(k) : null),
        ArrowColumns.Strings(rows, start, count, r => r.Email),
        ArrowColumns.Strings(rows, start, count, r => r.SecondaryEmail),
        ArrowColumns.Strings(rows, start, count, r => r.Phone),
        ArrowColumns.Strings(rows, start, count, r => r.CustomerId),
        ArrowColumns.Strings(rows, start, count, r => r.FirstName),
        ArrowColumns.Strings(rows, start, count, r => r.LastName),
        ArrowColumns.Strings(rows, start, count, r => r.CountryCode),
        ArrowColumns.Strings(rows, start, count, r => r.UpdatedAtText),
    ], count);

    private static Field Text(string name) => new(name, StringType.Default, nullable: true);
}
