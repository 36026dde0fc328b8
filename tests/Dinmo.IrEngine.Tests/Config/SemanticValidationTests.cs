using Dinmo.IrEngine.Config;
using Dinmo.IrEngine.Errors;

namespace Dinmo.IrEngine.Tests.Config;

public sealed class SemanticValidationTests : IDisposable
{
    private readonly ConfigFiles _files = new();

    public void Dispose() => _files.Dispose();

    [Fact]
    public void UnknownIdentifierInRule_ReportsPathAndHint()
    {
        var path = _files.Write(ConfigFiles.Minimal(ruleCriteria: """{ "identifiers": ["emial"], "match": "exact" }"""));

        var error = Assert.Single(Errors(path));

        Assert.Equal("$.rules[0].criteria[0].identifiers[0]", error.JsonPath);
        Assert.Equal("identifier 'emial' in rule 'by email' (rules[0])", error.Found);
        Assert.Equal("did you mean 'email'?", error.Hint);
        Assert.Equal(8, error.Line);
    }

    [Fact]
    public void FuzzyRuleWithoutExactAnchor_NamesRuleAndPosition()
    {
        var path = _files.Write(ConfigFiles.SpecJson.Replace(
            """{ "identifiers": ["email"], "match": "exact" },""", """{ "identifiers": ["email"], "match": "fuzzy_medium" },"""));

        var error = Assert.Single(Errors(path));

        Assert.Equal("$.rules[1]", error.JsonPath);
        Assert.Contains("rule 'email + similar last name' (rules[1])", error.Found);
        Assert.Contains("exact criterion", error.Expected);
        Assert.True(error.Line > 0);
    }

    [Fact]
    public void DuplicateNames_AreEachReported()
    {
        var text = ConfigFiles.SpecJson
            .Replace("\"name\": \"shop_customers\"", "\"name\": \"crm_contacts\"")
            .Replace("{ \"name\": \"last_name\" }", "{ \"name\": \"phone\" }, { \"name\": \"last_name\" }")
            .Replace("\"id\": \"email_name\", \"name\": \"email + similar last name\"", "\"id\": \"r1\", \"name\": \"exact customer id\"")
            .Replace("\"model_priority\": [\"crm_contacts\", \"shop_customers\"]", "\"model_priority\": [\"crm_contacts\"]");
        var path = _files.Write(text);

        var errors = Errors(path);

        Assert.Equal(["$.models[1].name", "$.identifiers[3].name", "$.rules[1].id", "$.rules[1].name"], errors.Select(e => e.JsonPath));
        Assert.Equal("model name 'crm_contacts' again (first at models[0])", errors[0].Found);
        Assert.Equal("a unique rule id", errors[2].Expected);
    }

    [Fact]
    public void UndeclaredIdentifiers_InModelsAndGolden_AreReported()
    {
        var text = ConfigFiles.SpecJson
            .Replace("\"phone\": [\"mobile\"]", "\"phone\": [\"mobile\"], \"fax\": [\"fax\"]")
            .Replace("\"phone\": \"last_non_null\"", "\"phon\": \"last_non_null\"");
        var path = _files.Write(text);

        var errors = Errors(path);

        Assert.Equal(["$.models[0].identifiers.fax", "$.golden.identifiers.phon"], errors.Select(e => e.JsonPath));
        Assert.Equal("did you mean 'phone'?", errors[1].Hint);
    }

    [Fact]
    public void GoldenNamingUnknownModelsOrFields_IsReported()
    {
        var text = ConfigFiles.SpecJson
            .Replace("\"country\": \"model_priority\"", "\"contry\": \"model_priority\"")
            .Replace("[\"crm_contacts\", \"shop_customers\"]", "[\"crm_contacts\", \"shop_customer\"]");
        var path = _files.Write(text);

        var errors = Errors(path);

        Assert.Equal(["$.golden.fields.contry", "$.golden.model_priority[1]"], errors.Select(e => e.JsonPath));
        Assert.Equal("did you mean 'country'?", errors[0].Hint);
        Assert.Equal("did you mean 'shop_customers'?", errors[1].Hint);
    }

    [Fact]
    public void BadRegex_IsReportedAtThePattern()
    {
        var text = ConfigFiles.SpecJson.Replace("\"^noreply@\"", "\"^noreply(@\"");
        var path = _files.Write(text);

        var error = Assert.Single(Errors(path));

        Assert.Equal("$.identifiers[1].blocked_patterns[0]", error.JsonPath);
        Assert.StartsWith("pattern \"^noreply(@\"", error.Found);
        Assert.Equal("a valid .NET regular expression", error.Expected);
        var line = text.Split('\n').ToList().FindIndex(l => l.Contains("^noreply(@")) + 1;
        Assert.Equal(line, error.Line);
    }

    [Fact]
    public void SeveralSemanticErrors_AreReportedTogether()
    {
        var text = ConfigFiles.SpecJson
            .Replace("\"^0*$\"", "\"[\"")
            .Replace("\"identifiers\": [\"customer_id\"], \"match\": \"exact\"", "\"identifiers\": [\"crm_id\"], \"match\": \"fuzzy_strong\"")
            .Replace("\"identifiers\": [\"email\"], \"match\": \"exact\"", "\"identifiers\": [\"email\"], \"match\": \"exact\", \"threshold\": 0.5");
        var path = _files.Write(text);

        var errors = Errors(path);

        Assert.Equal(
            ["$.identifiers[2].blocked_patterns[0]", "$.rules[0]", "$.rules[0].criteria[0].identifiers[0]", "$.rules[1].criteria[0].threshold"],
            errors.Select(e => e.JsonPath));
    }

    [Fact]
    public void GraphBuiltInCode_ThresholdOutOfRange_IsReportedWithoutPosition()
    {
        var graph = IdentityGraphLoader.Load(_files.Write(ConfigFiles.SpecJson)) with { Source = ConfigSource.InMemory("code") };
        var rule = graph.Rules[1];
        graph = graph with
        {
            Rules = [graph.Rules[0], rule with { Criteria = [rule.Criteria[0], rule.Criteria[1] with { Threshold = 1.5 }] }],
        };

        var error = Assert.Single(SemanticValidator.Validate(graph));

        Assert.Equal(("code", 0, 0), (error.File, error.Line, error.Column));
        Assert.Equal("$.rules[1].criteria[1].threshold", error.JsonPath);
    }

    private static IReadOnlyList<ConfigError> Errors(string path) =>
        Assert.Throws<ConfigException>(() => IdentityGraphLoader.Load(path)).Errors;
}
