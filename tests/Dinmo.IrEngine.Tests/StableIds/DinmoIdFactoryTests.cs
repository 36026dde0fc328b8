using System.Text.RegularExpressions;
using Dinmo.IrEngine.StableIds;

namespace Dinmo.IrEngine.Tests.StableIds;

public sealed partial class DinmoIdFactoryTests
{
    [GeneratedRegex("^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$")]
    private static partial Regex UuidV5();

    [Theory]
    [InlineData("customers_eu", "crm_contacts", "c-001")]
    [InlineData("p", "m", "")]
    [InlineData("Ünïcødé", "modèle", "日本")]
    public void ForCluster_IsLowercaseVersion5Uuid(string project, string model, string key)
    {
        var id = DinmoIdFactory.ForCluster(project, model, key);
        Assert.Matches(UuidV5(), id);
        Assert.Equal(36, id.Length);
        Assert.Equal(id.ToLowerInvariant(), id);
    }

    [Fact]
    public void ForConflictGroup_IsLowercaseVersion5Uuid()
        => Assert.Matches(UuidV5(), DinmoIdFactory.ForConflictGroup("p", "crm", "1"));

    [Fact]
    public void SameInputs_SameId()
    {
        Assert.Equal(DinmoIdFactory.ForCluster("p", "crm", "42"), DinmoIdFactory.ForCluster("p", "crm", "42"));
        Assert.Equal(DinmoIdFactory.Create("x"), DinmoIdFactory.Create("x"));
    }

    [Fact]
    public void Ids_MatchAnIndependentUuidV5()
    {
        // Reference values from Python: uuid.uuid5(UUID('6f1c2b2e-8a4d-4b57-9d3e-2c7f5a1e9b04'), name).
        Assert.Equal("73484fe5-132c-5cce-957c-fe51ff8508a4", DinmoIdFactory.Create("hello"));
        Assert.Equal("94be584d-734e-56ea-9698-a197906d0249", DinmoIdFactory.ForCluster("customers_eu", "crm_contacts", "c-001"));
        Assert.Equal("a1b5c345-b629-59ed-97da-ce87a708e697", DinmoIdFactory.ForConflictGroup("customers_eu", "crm_contacts", "c-001"));
    }

    [Fact]
    public void DifferentInputs_DifferentIds()
    {
        var ids = new[]
        {
            DinmoIdFactory.ForCluster("p", "crm", "1"),
            DinmoIdFactory.ForCluster("p", "crm", "2"),
            DinmoIdFactory.ForCluster("p", "shop", "1"),
            DinmoIdFactory.ForCluster("q", "crm", "1"),
            DinmoIdFactory.ForCluster("p", "crm", "1 "),
            DinmoIdFactory.ForCluster("p", "cr", "m1"),   // separators keep the parts apart
            DinmoIdFactory.ForCluster("p", "crm1", ""),
            DinmoIdFactory.ForConflictGroup("p", "crm", "1"),
        };
        Assert.Equal(ids.Length, ids.Distinct().Count());
    }

    [Fact]
    public void ManyKeys_NoCollisions()
    {
        var ids = Enumerable.Range(0, 10_000).Select(i => DinmoIdFactory.ForCluster("p", "crm", i.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Equal(10_000, ids.Distinct().Count());
    }
}
