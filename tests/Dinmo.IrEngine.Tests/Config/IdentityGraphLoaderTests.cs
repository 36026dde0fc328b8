using System.Text.Json;
using Dinmo.IrEngine.Config;
using Dinmo.IrEngine.Errors;
using MatchType = Dinmo.IrEngine.Config.MatchType;

namespace Dinmo.IrEngine.Tests.Config;

public sealed class IdentityGraphLoaderTests : IDisposable
{
    private readonly ConfigFiles _files = new();

    public void Dispose() => _files.Dispose();

    [Fact]
    public void SpecExample_BindsEveryKey()
    {
        var graph = IdentityGraphLoader.Load(_files.Write(ConfigFiles.SpecJson));

        Assert.Equal("customers_eu", graph.Project);
        Assert.Equal(["crm_contacts", "shop_customers"], graph.Models.Select(m => m.Name));
        var shop = graph.Models[1];
        Assert.Equal(InputFormat.ArrowFile, shop.Format);
        Assert.Equal(OrderFieldUnit.Milliseconds, shop.OrderFieldUnit);
        Assert.Null(graph.Models[0].Format);
        Assert.Equal(["email", "email_secondary"], graph.Models[0].Identifiers[0].Columns);
        Assert.Equal(new FieldMapping("country", "country_code"), graph.Models[0].Fields[1]);
        Assert.Equal([StandardizeStep.Trim, StandardizeStep.Lowercase], graph.Identifiers[1].Standardize);
        Assert.Equal(IdentifierConfig.DefaultSteps, graph.Identifiers[3].Standardize);
        Assert.Equal(1, graph.Identifiers[0].MaxUniqueValues);
        Assert.Equal(["^noreply@"], graph.Identifiers[1].BlockedPatterns);
        Assert.Equal(["r1", "email_name"], graph.Rules.Select(r => r.Id));
        Assert.Equal(MatchType.FuzzyStrong, graph.Rules[1].Criteria[1].Match);
        Assert.Equal(0.9, graph.Rules[1].Criteria[1].EffectiveThreshold);
        Assert.Equal(new GoldenColumn("country", SurvivorshipStrategy.ModelPriority), graph.Golden!.Fields[1]);
        Assert.Equal(ConflictPolicy.SkipMerge, graph.ConflictPolicy);
        Assert.Equal(OutputFormat.Parquet, graph.Outputs.Format);
        Assert.Equal(["identity_golden", "identity_lookup"], graph.Outputs.Tables!);
    }

    [Fact]
    public void JsonAndEquivalentYaml_LoadToEqualModels()
    {
        var json = IdentityGraphLoader.Load(_files.Write(ConfigFiles.SpecJson, "graph.json"));
        var yaml = IdentityGraphLoader.Load(_files.Write(ConfigFiles.SpecYaml, "graph.yaml"));

        Assert.Equal(Shape(json), Shape(yaml));
    }

    [Fact]
    public void Source_LocatesEveryJsonPath()
    {
        var graph = IdentityGraphLoader.Load(_files.Write(ConfigFiles.SpecJson));

        Assert.Equal((6, 43), graph.Source.Locate("$.models[0].identifiers.email[1]"));
        Assert.Equal((1, 1), graph.Source.Locate("$"));
        Assert.Equal((0, 0), graph.Source.Locate("$.nowhere"));
    }

    [Fact]
    public void YamlSource_LocatesEveryJsonPath()
    {
        var graph = IdentityGraphLoader.Load(_files.Write(ConfigFiles.SpecYaml, "graph.yml"));

        Assert.Equal((9, 22), graph.Source.Locate("$.models[0].identifiers.email[1]"));
    }

    [Fact]
    public void OmittedSections_TakeDefaults()
    {
        var path = _files.Write(ConfigFiles.Minimal().Replace("""{ "name": "last_name" }""", """{ "name": "last_name", "standardize": [] }"""));

        var graph = IdentityGraphLoader.Load(path);

        Assert.Null(graph.Golden);
        Assert.Equal(ConflictPolicy.ExcludeCluster, graph.ConflictPolicy);
        Assert.Equal(IdentityGraph.DefaultMaxFuzzyBlockValues, graph.MaxFuzzyBlockValues);
        Assert.Null(graph.Outputs.Tables);
        Assert.Empty(graph.Identifiers[1].Standardize);
        Assert.Equal(MatchType.Exact, graph.Rules[0].Criteria[0].Match);
    }

    [Fact]
    public void MissingFile_ThrowsConfigException()
    {
        var missing = Path.Combine(Path.GetTempPath(), "no-such-graph-" + Guid.NewGuid() + ".json");

        var error = Assert.Single(Assert.Throws<ConfigException>(() => IdentityGraphLoader.Load(missing)).Errors);

        Assert.Equal(missing, error.File);
        Assert.Contains("no such file", error.Found);
    }

    [Fact]
    public void JsonSyntaxError_ReportsLocation()
    {
        var path = _files.Write("{\n  \"project\": \"p\",\n  \"models\": [ } \n}");

        var error = Assert.Single(Assert.Throws<ConfigException>(() => IdentityGraphLoader.Load(path)).Errors);

        Assert.Equal((3, 15), (error.Line, error.Column));
        Assert.Contains("invalid JSON", error.Found);
    }

    [Fact]
    public void JsonComment_IsASyntaxError()
    {
        var path = _files.Write("{ // no comments in strict JSON\n \"project\": \"p\" }");

        var error = Assert.Single(Assert.Throws<ConfigException>(() => IdentityGraphLoader.Load(path)).Errors);

        Assert.Equal(1, error.Line);
    }

    [Fact]
    public void YamlSyntaxError_ReportsLocation()
    {
        var path = _files.Write("project: p\nmodels: [a, b\nrules: x\n", "graph.yaml");

        var error = Assert.Single(Assert.Throws<ConfigException>(() => IdentityGraphLoader.Load(path)).Errors);

        Assert.Contains("invalid YAML", error.Found);
        Assert.True(error.Line >= 2, error.ToString());
    }

    // Records compare lists by reference, so equality of two loads is checked on their JSON form.
    private static string Shape(IdentityGraph graph) => JsonSerializer.Serialize(new
    {
        graph.Project, graph.Models, graph.Identifiers, graph.Rules, graph.Golden,
        graph.ConflictPolicy, graph.MaxFuzzyBlockValues, graph.Outputs,
    });
}
