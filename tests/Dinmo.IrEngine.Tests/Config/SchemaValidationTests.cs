using Dinmo.IrEngine.Config;
using Dinmo.IrEngine.Errors;

namespace Dinmo.IrEngine.Tests.Config;

public sealed class SchemaValidationTests : IDisposable
{
    private readonly ConfigFiles _files = new();

    public void Dispose() => _files.Dispose();

    [Fact]
    public void UnknownKey_ReportsLocationAndHint()
    {
        var text = ConfigFiles.Minimal(modelExtra: """ "primay_key": "x",""");
        var path = _files.Write(text);

        var error = Assert.Single(Errors(path));

        Assert.Equal(path, error.File);
        Assert.Equal(PositionOf(text, "\"primay_key\""), (error.Line, error.Column));
        Assert.Equal("$.models[0].primay_key", error.JsonPath);
        Assert.Equal("unknown key 'primay_key'", error.Found);
        Assert.Contains("primary_key", error.Expected);
        Assert.Equal("did you mean 'primary_key'?", error.Hint);
    }

    [Fact]
    public void UnknownKeyInYaml_ReportsLocationAndHint()
    {
        var path = _files.Write(ConfigFiles.SpecYaml.Replace("conflict_policy:", "conflict_polcy:"), "graph.yaml");
        var line = ConfigFiles.SpecYaml.Split('\n').ToList().FindIndex(l => l.StartsWith("conflict_policy")) + 1;

        var error = Assert.Single(Errors(path));

        Assert.Equal((line, 1), (error.Line, error.Column));
        Assert.Equal("did you mean 'conflict_policy'?", error.Hint);
    }

    [Fact]
    public void WrongType_ReportsFoundAndExpected()
    {
        var text = ConfigFiles.Minimal().Replace("""{ "name": "email" }""", """{ "name": "email", "max_unique_values": "two" }""");
        var path = _files.Write(text);

        var error = Assert.Single(Errors(path));

        Assert.Equal("$.identifiers[0].max_unique_values", error.JsonPath);
        Assert.Equal("string \"two\"", error.Found);
        Assert.Equal("an integer", error.Expected);
        Assert.Equal(PositionOf(text, "\"two\""), (error.Line, error.Column));
    }

    [Fact]
    public void MissingRequired_NamesTheKey()
    {
        var path = _files.Write(ConfigFiles.Minimal().Replace(""" "order_field": "updated_at",""", ""));

        var error = Assert.Single(Errors(path));

        Assert.Equal("$.models[0]", error.JsonPath);
        Assert.Equal("required key 'order_field'", error.Expected);
        Assert.Equal((4, 5), (error.Line, error.Column));
    }

    [Fact]
    public void BadEnumValue_HintsTheClosestWord()
    {
        var path = _files.Write(ConfigFiles.Minimal(ruleCriteria: """{ "identifiers": ["email"], "match": "exatc" }"""));

        var error = Assert.Single(Errors(path));

        Assert.Equal("$.rules[0].criteria[0].match", error.JsonPath);
        Assert.Equal("one of 'exact', 'fuzzy_medium', 'fuzzy_strong'", error.Expected);
        Assert.Equal("did you mean 'exact'?", error.Hint);
    }

    [Fact]
    public void SeveralErrors_AreReportedTogetherInDocumentOrder()
    {
        var text = ConfigFiles.Minimal(modelExtra: """ "format": "xlsx", "colour": 1,""",
                ruleCriteria: """{ "identifiers": [], "match": "fuzzy_strong", "threshold": 1.5 }""")
            .Replace("\"project\": \"p\"", "\"project\": 7");
        var path = _files.Write(text);

        var errors = Errors(path);

        Assert.Equal(
            ["$.project", "$.models[0].format", "$.models[0].colour", "$.rules[0].criteria[0].identifiers", "$.rules[0].criteria[0].threshold"],
            errors.Select(e => e.JsonPath));
        Assert.All(errors, e => Assert.True(e.Line > 0));
    }

    [Fact]
    public void EmptyModelsAndRules_ViolateMinItems()
    {
        var path = _files.Write("""{ "project": "p", "models": [], "identifiers": [], "rules": [] }""");

        var errors = Errors(path);

        Assert.Equal(["$.models", "$.rules"], errors.Select(e => e.JsonPath));
        Assert.All(errors, e => Assert.Equal("at least 1 item", e.Expected));
    }

    [Fact]
    public void DuplicateJsonKey_IsAnError()
    {
        var path = _files.Write("""{ "project": "p", "project": "q" }""");

        var error = Assert.Single(Errors(path));

        Assert.Equal("$.project", error.JsonPath);
        Assert.Contains("second time", error.Found);
    }

    [Fact]
    public void EmbeddedSchema_IsFoundAndUsesOnlyImplementedKeywords()
    {
        var schema = SchemaValidator.LoadEmbedded(SchemaValidator.SchemaFileName);

        Assert.Equal("https://json-schema.org/draft/2020-12/schema", schema.GetProperty("$schema").GetString());
        Assert.NotNull(SchemaValidator.IdentityGraph);
    }

    private static IReadOnlyList<ConfigError> Errors(string path) =>
        Assert.Throws<ConfigException>(() => IdentityGraphLoader.Load(path)).Errors;

    private static (int Line, int Column) PositionOf(string text, string needle)
    {
        var lines = text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
            if (lines[i].IndexOf(needle, StringComparison.Ordinal) is var at and >= 0) return (i + 1, at + 1);
        throw new ArgumentException($"'{needle}' not in text");
    }
}
