using System.Text;
using Dinmo.IrEngine.Config;
using Dinmo.IrEngine.Output;

namespace Dinmo.IrEngine.Generate;

/// <summary>
/// The identity graph that goes with the generated data (<c>demo.json</c>): the three models with
/// their own column names, five identifiers, four rules (one anchored fuzzy), golden survivorship
/// and Arrow outputs. Fixed text, so the file is the same for every seed and size.
/// </summary>
internal static class DemoGraph
{
    public const string FileName = "demo.json";

    public const string Json = """
        {
          "project": "demo",
          "models": [
            {
              "name": "crm_contacts", "path": "crm_contacts.csv", "primary_key": "contact_id", "order_field": "updated_at",
              "identifiers": {
                "email": ["email", "email_secondary"], "phone": ["mobile"], "customer_id": ["crm_id"],
                "first_name": ["first_name"], "last_name": ["last_name"]
              },
              "fields": { "first_name": "first_name", "last_name": "last_name", "country": "country_code" }
            },
            {
              "name": "shop_customers", "path": "shop_customers.parquet", "primary_key": "id", "order_field": "modified",
              "identifiers": {
                "email": ["email"], "phone": ["phone"], "customer_id": ["crm_ref"],
                "first_name": ["given_name"], "last_name": ["surname"]
              },
              "fields": { "first_name": "given_name", "last_name": "surname", "country": "country" }
            },
            {
              "name": "app_users", "path": "app_users.arrow", "primary_key": "user_id", "order_field": "created_at",
              "identifiers": {
                "email": ["login_email"], "phone": ["phone_number"],
                "first_name": ["first_name"], "last_name": ["last_name"]
              },
              "fields": { "first_name": "first_name", "last_name": "last_name" }
            }
          ],
          "identifiers": [
            { "name": "email", "standardize": ["email"], "max_unique_values": 3, "blocked_values": ["test@test.com"] },
            { "name": "phone", "standardize": ["only_numeric"], "max_unique_values": 2, "blocked_patterns": ["^0*$"] },
            { "name": "customer_id", "standardize": ["trim"], "max_unique_values": 1 },
            { "name": "first_name", "standardize": ["trim", "lowercase", "fold_accents"] },
            { "name": "last_name", "standardize": ["trim", "lowercase", "fold_accents"] }
          ],
          "rules": [
            { "name": "exact customer id", "criteria": [ { "identifiers": ["customer_id"], "match": "exact" } ] },
            { "name": "exact email", "criteria": [ { "identifiers": ["email"], "match": "exact" } ] },
            { "name": "exact phone + last name", "criteria": [
                { "identifiers": ["phone"], "match": "exact" },
                { "identifiers": ["last_name"], "match": "exact" } ] },
            { "name": "same phone + similar last name", "criteria": [
                { "identifiers": ["phone"], "match": "exact" },
                { "identifiers": ["last_name"], "match": "fuzzy_strong" } ] }
          ],
          "golden": {
            "identifiers": { "email": "most_frequent", "phone": "last_non_null" },
            "fields": { "first_name": "last_non_null", "last_name": "model_priority", "country": "model_priority" },
            "model_priority": ["crm_contacts", "shop_customers", "app_users"]
          },
          "conflict_policy": "exclude_cluster",
          "outputs": { "format": "arrow" }
        }

        """;

    /// <summary>The graph of a scale run (<see cref="ScaleGenerator"/>).</summary>
    public const string ScaleFileName = "scale.json";

    /// <summary>Writes <c>demo.json</c> as UTF-8 without BOM with <c>\n</c> line endings, whatever the checkout's line endings.</summary>
    public static string Write(string directory) => WriteText(directory, FileName, Json);

    /// <summary>
    /// Writes <c>scale.json</c>: the same graph (rules, anchored fuzzy rule, conflict limits), project
    /// <c>scale</c>, every model read from <c>&lt;model&gt;.parquet|.arrow</c> as the scale run writes them.
    /// </summary>
    public static string WriteScale(string directory, OutputFormat modelFormat)
    {
        var extension = TableFileWriter.Extension(modelFormat);
        var json = Json
            .Replace("\"project\": \"demo\"", "\"project\": \"scale\"", StringComparison.Ordinal)
            .Replace("\"crm_contacts.csv\"", $"\"crm_contacts{extension}\"", StringComparison.Ordinal)
            .Replace("\"shop_customers.parquet\"", $"\"shop_customers{extension}\"", StringComparison.Ordinal)
            .Replace("\"app_users.arrow\"", $"\"app_users{extension}\"", StringComparison.Ordinal);
        return WriteText(directory, ScaleFileName, json);
    }

    private static string WriteText(string directory, string fileName, string json)
    {
        Directory.CreateDirectory(directory);
        var file = Path.Combine(directory, fileName);
        File.WriteAllText(file, json.ReplaceLineEndings("\n"), new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
        return file;
    }
}
