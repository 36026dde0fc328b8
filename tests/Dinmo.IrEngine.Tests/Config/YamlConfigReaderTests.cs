using Dinmo.IrEngine.Config;
using Dinmo.IrEngine.Errors;

namespace Dinmo.IrEngine.Tests.Config;

public sealed class YamlConfigReaderTests
{
    [Fact]
    public void PlainScalars_ResolveAsYamlCoreSchema_QuotedStayStrings()
    {
        var root = YamlConfigReader.Read("g.yaml", "a: 12\nb: '12'\nc: true\nd: ~\ne: 1.5e3\nf: 0x1F\ng: yes\n");

        Assert.Equal(
            [ConfigNodeKind.Number, ConfigNodeKind.String, ConfigNodeKind.Boolean, ConfigNodeKind.Null,
             ConfigNodeKind.Number, ConfigNodeKind.String, ConfigNodeKind.String],
            root.Properties.Select(p => p.Value.Kind));
        Assert.Equal(1500, root["e"]!.Number);
    }

    [Fact]
    public void Positions_AreOneBasedLineAndColumn()
    {
        var root = YamlConfigReader.Read("g.yaml", "models:\n  - name: crm\n    path: x\n");

        var path = root["models"]!.Items[0]["path"]!;

        Assert.Equal(("$.models[0].path", 3, 11), (path.Path, path.Line, path.Column));
        Assert.Equal((3, 5), (root["models"]!.Items[0].Properties[1].Line, root["models"]!.Items[0].Properties[1].Column));
    }

    [Fact]
    public void AnchorsAndDuplicateKeys_AreErrors()
    {
        var errors = Assert.Throws<ConfigException>(() =>
            YamlConfigReader.Read("g.yaml", "a: &x 1\nb: *x\na: 2\n")).Errors;

        Assert.Equal(["$.a", "$.b", "$.a"], errors.Select(e => e.JsonPath));
        Assert.Equal([1, 2, 3], errors.Select(e => e.Line));
    }
}
