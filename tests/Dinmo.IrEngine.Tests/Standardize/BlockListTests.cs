using System.Text;
using Dinmo.IrEngine.Config;
using Dinmo.IrEngine.Standardize;

namespace Dinmo.IrEngine.Tests.Standardize;

/// <summary>Blocked values match standardized UTF-8 bytes exactly; patterns see the decoded text, however long.</summary>
public sealed class BlockListTests
{
    private static readonly BlockList List = new(new IdentifierConfig
    {
        Name = "device_id",
        Standardize = [],
        BlockedValues = ["00000000-0000-0000-0000-000000000000", "inconnu·é"],
        BlockedPatterns = ["^test-", "x{300}"],
    });

    [Theory]
    [InlineData("00000000-0000-0000-0000-000000000000", nameof(BlockReason.BlockedValue))]
    [InlineData("inconnu·é", nameof(BlockReason.BlockedValue))]
    [InlineData("inconnu·e", nameof(BlockReason.None))]
    [InlineData("00000000-0000-0000-0000-00000000000", nameof(BlockReason.None))]
    [InlineData("test-device", nameof(BlockReason.BlockedPattern))]
    [InlineData("a-test-device", nameof(BlockReason.None))]
    [InlineData("ordinary", nameof(BlockReason.None))]
    public void Decide_BytesAndPatterns(string value, string expected) =>
        Assert.Equal(Enum.Parse<BlockReason>(expected), List.Decide(Encoding.UTF8.GetBytes(value)));

    [Fact]
    public void Decide_LongValues_DecodedBeyondTheStackBuffer()
    {
        Assert.Equal(BlockReason.BlockedPattern, List.Decide(Encoding.UTF8.GetBytes("é" + new string('x', 300))));
        Assert.Equal(BlockReason.None, List.Decide(Encoding.UTF8.GetBytes("é" + new string('x', 299))));
    }

    [Fact]
    public void AnEmptyList_BlocksNothing()
    {
        var list = new BlockList(new IdentifierConfig { Name = "email" });
        Assert.True(list.IsEmpty);
        Assert.Equal(BlockReason.None, list.Decide("x"u8));
    }
}
