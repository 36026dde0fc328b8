namespace Dinmo.IrEngine.Tests.Config;

/// <summary>Writes inline test configs to a temp folder, deleted when the test class is disposed.</summary>
public sealed class ConfigFiles : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("irengine-config-").FullName;

    public string Write(string text, string name = "graph.json")
    {
        var path = Path.Combine(_folder, name);
        File.WriteAllText(path, text);
        return path;
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    /// <summary>The SPEC §3 example graph.</summary>
    public const string SpecJson = """
        {
          "project": "customers_eu",
          "models": [
            { "name": "crm_contacts", "path": "crm_contacts.parquet", "primary_key": "contact_id",
              "order_field": "updated_at",
              "identifiers": { "email": ["email", "email_secondary"], "phone": ["mobile"],
                               "customer_id": ["crm_id"], "last_name": ["last_name"] },
              "fields": { "first_name": "first_name", "country": "country_code" } },
            { "name": "shop_customers", "path": "shop/*.arrow", "primary_key": "id", "order_field": "modified" ,
              "format": "arrow", "order_field_unit": "milliseconds",
              "identifiers": { "email": ["email"], "customer_id": ["crm_ref"], "last_name": ["surname"] },
              "fields": { "first_name": "given_name" } }
          ],
          "identifiers": [
            { "name": "customer_id", "standardize": ["trim"], "max_unique_values": 1 },
            { "name": "email", "standardize": ["trim", "case_insensitive"], "max_unique_values": 2,
              "blocked_values": ["test@test.com"], "blocked_patterns": ["^noreply@"] },
            { "name": "phone", "standardize": ["only_numeric"], "max_unique_values": 2,
              "blocked_patterns": ["^0*$"] },
            { "name": "last_name" }
          ],
          "rules": [
            { "name": "exact customer id", "criteria": [ { "identifiers": ["customer_id"], "match": "exact" } ] },
            { "id": "email_name", "name": "email + similar last name", "criteria": [
                { "identifiers": ["email"], "match": "exact" },
                { "identifiers": ["last_name"], "match": "fuzzy_strong", "threshold": 0.9 } ] }
          ],
          "golden": {
            "identifiers": { "email": "most_frequent", "phone": "last_non_null" },
            "fields": { "first_name": "last_non_null", "country": "model_priority" },
            "model_priority": ["crm_contacts", "shop_customers"]
          },
          "conflict_policy": "skip_merge",
          "max_fuzzy_block_values": 5000,
          "outputs": { "format": "parquet", "tables": ["identity_golden", "identity_lookup"] }
        }
        """;

    /// <summary>The same graph in YAML.</summary>
    public const string SpecYaml = """
        # The SPEC §3 example, in YAML
        project: customers_eu
        models:
          - name: crm_contacts
            path: crm_contacts.parquet
            primary_key: contact_id
            order_field: updated_at
            identifiers:
              email: [email, email_secondary]
              phone: [mobile]
              customer_id: [crm_id]
              last_name: [last_name]
            fields:
              first_name: first_name
              country: country_code
          - name: shop_customers
            path: "shop/*.arrow"
            primary_key: id
            order_field: modified
            format: arrow
            order_field_unit: milliseconds
            identifiers:
              email: [email]
              customer_id: [crm_ref]
              last_name: [surname]
            fields:
              first_name: given_name
        identifiers:
          - { name: customer_id, standardize: [trim], max_unique_values: 1 }
          - name: email
            standardize: [trim, case_insensitive]
            max_unique_values: 2
            blocked_values: ["test@test.com"]
            blocked_patterns: ["^noreply@"]
          - { name: phone, standardize: [only_numeric], max_unique_values: 2, blocked_patterns: ["^0*$"] }
          - name: last_name
        rules:
          - name: exact customer id
            criteria:
              - { identifiers: [customer_id], match: exact }
          - id: email_name
            name: email + similar last name
            criteria:
              - { identifiers: [email], match: exact }
              - { identifiers: [last_name], match: fuzzy_strong, threshold: 0.9 }
        golden:
          identifiers: { email: most_frequent, phone: last_non_null }
          fields: { first_name: last_non_null, country: model_priority }
          model_priority: [crm_contacts, shop_customers]
        conflict_policy: skip_merge
        max_fuzzy_block_values: 5000
        outputs:
          format: parquet
          tables: [identity_golden, identity_lookup]
        """;

    /// <summary>A minimal valid graph whose lines are easy to count; tests splice mistakes into it.</summary>
    public static string Minimal(string modelExtra = "", string ruleCriteria = """{ "identifiers": ["email"], "match": "exact" }""") => $$"""
        {
          "project": "p",
          "models": [
            { "name": "crm", "path": "crm.csv", "primary_key": "id", "order_field": "updated_at",{{modelExtra}}
              "identifiers": { "email": ["email"] } }
          ],
          "identifiers": [ { "name": "email" }, { "name": "last_name" } ],
          "rules": [ { "name": "by email", "criteria": [ {{ruleCriteria}} ] } ]
        }
        """;
}
