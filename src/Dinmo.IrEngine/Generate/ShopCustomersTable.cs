using Apache.Arrow;
using Apache.Arrow.Types;
using Dinmo.IrEngine.Config;

namespace Dinmo.IrEngine.Generate;

/// <summary>
/// <c>shop_customers</c>, written as Parquet: an int64 <c>id</c>, <c>surname</c>/<c>given_name</c>,
/// an optional reference to the CRM id, a birth date and a microsecond UTC <c>modified</c> timestamp.
/// </summary>
internal sealed class ShopCustomersTable : ISourceModel
{
    /// <summary>Keys start here so they never look like CRM or app keys.</summary>
    private const long FirstId = 500_000;

    private static readonly TimestampType Micros = new(TimeUnit.Microsecond, "UTC");

    public string Name => "shop_customers";
    public OutputFormat Format => OutputFormat.Parquet;

    public Schema Schema { get; } = new Schema.Builder()
        .Field(new Field("id", Int64Type.Default, nullable: true))
        .Field(Text("email")).Field(Text("surname")).Field(Text("given_name")).Field(Text("crm_ref"))
        .Field(Text("phone")).Field(Text("country"))
        .Field(new Field("birth_date", Date32Type.Default, nullable: true))
        .Field(new Field("modified", Micros, nullable: true))
        .Build();

    public string KeyText(long keyNumber) => (FirstId + keyNumber).ToString(System.Globalization.CultureInfo.InvariantCulture);

    public RecordBatch Batch(IReadOnlyList<ProfileCopy> rows, int start, int count) => new(Schema,
    [
        ArrowColumns.Int64s(rows, start, count, r => FirstId + r.KeyNumber),
        ArrowColumns.Strings(rows, start, count, r => r.Email),
        ArrowColumns.Strings(rows, start, count, r => r.LastName),
        ArrowColumns.Strings(rows, start, count, r => r.FirstName),
        ArrowColumns.Strings(rows, start, count, r => r.CustomerId),
        ArrowColumns.Strings(rows, start, count, r => r.Phone),
        ArrowColumns.Strings(rows, start, count, r => r.CountryCode),
        ArrowColumns.Dates(rows, start, count, r => r.BirthDate),
        ArrowColumns.Timestamps(rows, start, count, Micros, r => r.UpdatedAt),
    ], count);

    private static Field Text(string name) => new(name, StringType.Default, nullable: true);
}
