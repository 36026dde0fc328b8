using Dinmo.IrEngine.Config;

namespace Dinmo.IrEngine.Tests.Config;

public sealed class DidYouMeanTests
{
    [Theory]
    [InlineData("primay_key", "primary_key", 1)]
    [InlineData("ca", "ac", 1)]
    [InlineData("", "abc", 3)]
    [InlineData("kitten", "sitting", 3)]
    public void Distance_CountsEditsAndTranspositions(string a, string b, int expected) =>
        Assert.Equal(expected, DidYouMean.Distance(a, b));

    [Fact]
    public void Hint_PicksClosestCandidateOnlyWhenClose()
    {
        string[] keys = ["name", "path", "primary_key", "order_field"];

        Assert.Equal("did you mean 'primary_key'?", DidYouMean.Hint("primay_key", keys));
        Assert.Equal("did you mean 'order_field'?", DidYouMean.Hint("Order_Feild", keys));
        Assert.Null(DidYouMean.Hint("colour", keys));
    }
}
