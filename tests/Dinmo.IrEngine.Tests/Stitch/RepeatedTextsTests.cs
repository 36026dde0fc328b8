using System.Text;
using Dinmo.IrEngine.Stitch;

namespace Dinmo.IrEngine.Tests.Stitch;

/// <summary>
/// Reading a state back looks the repeated texts of a column up once per distinct text: the meaning of every cell is
/// still the meaning of its own text, in any order, however many texts there are, and for bytes that are not UTF-8.
/// </summary>
public sealed class RepeatedTextsTests
{
    [Fact]
    public void Of_ManyCellsFewTexts_EachTextWorkedOutOnceAndEveryCellMeansItsText()
    {
        var asked = new List<string>();
        using var texts = new RepeatedTexts<string>(text =>
        {
            asked.Add(text);
            return "<" + text + ">";
        });
        var random = new Random(7);
        string[] words = ["page_views", "sessions", "logins", "orders", "", "é"];
        for (var i = 0; i < 10_000; i++)
        {
            var word = words[random.Next(words.Length)];
            Assert.Equal("<" + word + ">", texts.Of(Encoding.UTF8.GetBytes(word)));
        }
        Assert.Equal(words.Order(StringComparer.Ordinal), asked.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Of_ManyDistinctTexts_EachWorkedOutOnceAndMeansItsText()
    {
        var asked = 0;
        using var texts = new RepeatedTexts<int>(text =>
        {
            asked++;
            return int.Parse(text, System.Globalization.CultureInfo.InvariantCulture);
        });
        for (var round = 0; round < 3; round++)
            for (var i = 0; i < 5_000; i++) Assert.Equal(i, texts.Of(Encoding.UTF8.GetBytes(i.ToString(System.Globalization.CultureInfo.InvariantCulture))));
        Assert.Equal(5_000, asked);
    }

    [Fact]
    public void Of_MeaningThrows_NothingKeptAndAskedAgain()
    {
        var asked = 0;
        using var texts = new RepeatedTexts<int>(text => ++asked == 1 ? throw new FormatException(text) : 7);
        Assert.Throws<FormatException>(() => texts.Of("x"u8));
        Assert.Equal(7, texts.Of("x"u8));
        Assert.Equal(7, texts.Of("x"u8));
        Assert.Equal(2, asked);
    }

    [Fact]
    public void Of_InvalidUtf8_MeansWhatDecodingItGives()
    {
        using var texts = new RepeatedTexts<string>(text => text);
        byte[] invalid = [0x61, 0xFF, 0x62];
        Assert.Equal(Encoding.UTF8.GetString(invalid), texts.Of(invalid));
        Assert.Equal("a\uFFFDb", texts.Of(invalid));
    }
}
