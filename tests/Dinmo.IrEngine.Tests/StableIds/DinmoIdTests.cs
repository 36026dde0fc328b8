using System.Text;
using Dinmo.IrEngine.Columnar;
using Dinmo.IrEngine.StableIds;
using FsCheck.Xunit;

namespace Dinmo.IrEngine.Tests.StableIds;

public sealed class DinmoIdTests
{
    [Fact]
    public void FormatAndParse_RoundTripFactoryIds()
    {
        for (var i = 0; i < 1000; i++)
        {
            var text = DinmoIdFactory.ForCluster("p", "crm", i.ToString(System.Globalization.CultureInfo.InvariantCulture));
            Assert.True(DinmoId.TryParse(Encoding.ASCII.GetBytes(text), out var id));
            Assert.Equal(text, id.ToString());
        }
    }

    [Property(MaxTest = 500)]
    public void Format_EqualsScalarReference(ulong high, ulong low)
    {
        foreach (var id in new[] { new DinmoId(new UInt128(high, low)), default, new DinmoId(UInt128.MaxValue) })
        {
            var (fast, scalar) = (new byte[DinmoId.TextLength], new byte[DinmoId.TextLength]);
            id.Format(fast);
            id.FormatScalar(scalar);
            Assert.Equal(Encoding.ASCII.GetString(scalar), Encoding.ASCII.GetString(fast));
        }
    }

    [Fact]
    public void CompareTo_EqualsCodePointOrderOfText()
    {
        var ids = Enumerable.Range(0, 2000).Select(i => DinmoIdFactory.ForCluster("p", "m", $"k{i}"))
            .Append("00000000-0000-0000-0000-000000000000").Append("ffffffff-ffff-ffff-ffff-ffffffffffff").ToArray();
        var byText = ids.Order(CodePointOrder.Instance).ToArray();
        var byBits = ids.Select(t => DinmoId.TryParse(Encoding.ASCII.GetBytes(t), out var id) ? id : throw new FormatException(t))
            .Order().Select(id => id.ToString()).ToArray();
        Assert.Equal(byText, byBits);
    }

    [Theory]
    [InlineData("")]
    [InlineData("94BE584D-734E-56EA-9698-A197906D0249")]   // upper case is not the canonical form
    [InlineData("94be584d-734e-56ea-9698-a197906d024")]    // short
    [InlineData("94be584d-734e-56ea-9698-a197906d02490")]  // long
    [InlineData("94be584d0734e-56ea-9698-a197906d0249")]   // dash missing
    [InlineData("94be584d-734e-56ea-9698-a197906d024g")]   // not hex
    public void TryParse_RejectsNonCanonicalText(string text) => Assert.False(DinmoId.TryParse(Encoding.UTF8.GetBytes(text), out _));

    [Theory]
    [InlineData("c-001", 0)]
    [InlineData("日本", 0)]
    [InlineData("", 3)]
    [InlineData("k", 1234567)]
    public void ForCluster_FromBytes_EqualsTextPath(string key, int counter) =>
        Assert.Equal(DinmoIdFactory.ForCluster("proj", "crm", key, counter),
            DinmoIdFactory.ForCluster(DinmoIdFactory.ClusterNamePrefix("proj", "crm"), Encoding.UTF8.GetBytes(key), counter).ToString());

    [Fact]
    public void ForCluster_InvalidUtf8Key_IsNamedByItsDecodedText()
    {
        byte[] key = [0x61, 0xFF, 0x62];
        Assert.Equal(DinmoIdFactory.ForCluster("p", "m", Encoding.UTF8.GetString(key)),
            DinmoIdFactory.ForCluster(DinmoIdFactory.ClusterNamePrefix("p", "m"), key).ToString());
    }

    [Fact]
    public void ForCluster_LongKey_UsesRentedBuffer()
    {
        var key = new string('x', 5000);
        Assert.Equal(DinmoIdFactory.Create($"dinmo_id\0p\0m\0{key}"),
            DinmoIdFactory.ForCluster(DinmoIdFactory.ClusterNamePrefix("p", "m"), Encoding.UTF8.GetBytes(key)).ToString());
    }
}
