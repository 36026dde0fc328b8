using Dinmo.IrEngine.Config;
using Dinmo.IrEngine.Standardize;

namespace Dinmo.IrEngine.Tests.Standardize;

public sealed class StandardizerTests
{
    private static string Apply(string value, params StandardizeStep[] steps)
    {
        using var standardizer = new Standardizer(steps);
        return standardizer.ApplyToString(value);
    }

    [Theory]
    [InlineData("  abc  ", "abc")]
    [InlineData("\u00A0abc\u00A0", "abc")]          // no-break space
    [InlineData("\t\r\n abc \u2003\u3000", "abc")]  // tab, CR, LF, em space, ideographic space
    [InlineData("\u2028\u205Fa b\u1680\u202F", "a b")] // line separator, math space, ogham, narrow NBSP
    [InlineData("\u0085x\u200A", "x")]              // NEL and hair space are White_Space too
    [InlineData("a  b", "a  b")]                    // inner white space is kept
    public void Trim_StripsUnicodeWhiteSpaceAtBothEnds(string input, string expected)
        => Assert.Equal(expected, Apply(input, StandardizeStep.Trim));

    [Fact]
    public void Trim_KeepsZeroWidthSpaceWhichIsNotWhiteSpace()
        => Assert.Equal("\u200Bx", Apply("\u200Bx ", StandardizeStep.Trim));

    [Theory]
    [InlineData("ABC xyz", "abc xyz")]
    [InlineData("ÉLODIE", "élodie")]
    [InlineData("ÀÇÑÜØÆŒ", "àçñüøæœ")]
    [InlineData("ΑΘΗΝΑ", "αθηνα")]
    [InlineData("ДМИТРИЙ", "дмитрий")]
    [InlineData("ŁÓDŹ", "łódź")]
    [InlineData("Jean-Luc 42", "jean-luc 42")]
    public void Lowercase_LowersAsciiAndNonAscii(string input, string expected)
        => Assert.Equal(expected, Apply(input, StandardizeStep.Lowercase));

    [Fact]
    public void Lowercase_DoesNotTrim()
        => Assert.Equal(" a ", Apply(" A ", StandardizeStep.Lowercase));

    [Theory]
    [InlineData("+33 (0)6 12-34.56 78", "330612345678")]
    [InlineData("abc", "")]
    [InlineData("٣٤٥", "")]        // Arabic-Indic digits are not ASCII digits
    [InlineData("１２３", "")]     // full-width digits neither
    [InlineData("tel: 0 1", "01")]
    public void OnlyNumeric_KeepsAsciiDigitsOnly(string input, string expected)
        => Assert.Equal(expected, Apply(input, StandardizeStep.OnlyNumeric));

    [Theory]
    [InlineData("a  b", "a b")]
    [InlineData("a \t\n b", "a b")]
    [InlineData("a\u00A0\u00A0b", "a b")]
    [InlineData("  a b  ", " a b ")] // collapses, does not trim
    [InlineData("ab", "ab")]
    public void CollapseWhitespace_RunsBecomeOneSpace(string input, string expected)
        => Assert.Equal(expected, Apply(input, StandardizeStep.CollapseWhitespace));

    [Theory]
    [InlineData("é", "e")]
    [InlineData("Élodie Müller", "Elodie Muller")]
    [InlineData("ß", "ss")]
    [InlineData("ẞ", "SS")]
    [InlineData("æ", "ae")]
    [InlineData("Æ", "AE")]
    [InlineData("œ", "oe")]
    [InlineData("Œ", "OE")]
    [InlineData("ø", "o")]
    [InlineData("Ø", "O")]
    [InlineData("ł", "l")]
    [InlineData("Ł", "L")]
    [InlineData("đ", "d")]
    [InlineData("Đ", "D")]
    [InlineData("ð", "d")]
    [InlineData("Ð", "D")]
    [InlineData("þ", "th")]
    [InlineData("Þ", "TH")]
    [InlineData("ǿ", "o")]            // decomposes to ø + acute, then ø is spelled out
    [InlineData("e\u0301", "e")]      // decomposed input: the combining mark is dropped
    [InlineData("A\u030A\u0323", "A")] // several combining marks
    [InlineData("Straße Łódź", "Strasse Lodz")]
    [InlineData("Nguyễn", "Nguyen")]
    [InlineData("plain", "plain")]
    public void FoldAccents_DropsMarksAndSpellsOutLetters(string input, string expected)
        => Assert.Equal(expected, Apply(input, StandardizeStep.FoldAccents));

    [Theory]
    [InlineData("  John.Doe+news@Example.COM ", "john.doe@example.com")]
    [InlineData("a+b+c@x.io", "a@x.io")]
    [InlineData("plain@x.io", "plain@x.io")]
    [InlineData("no-at+sign", "no-at+sign")]
    [InlineData("a@x.io+tag", "a@x.io+tag")] // a + after the @ is not a tag
    [InlineData("\u00A0ÉMILE+x@Mail.FR\u00A0", "émile@mail.fr")]
    [InlineData("+tag@x.io", "@x.io")]
    public void Email_TrimsLowersAndStripsPlusTag(string input, string expected)
        => Assert.Equal(expected, Apply(input, StandardizeStep.Email));

    [Theory]
    [InlineData("   ", StandardizeStep.Trim)]
    [InlineData("\u00A0\u2003", StandardizeStep.Trim)]
    [InlineData("n/a", StandardizeStep.OnlyNumeric)]
    [InlineData(" \t ", StandardizeStep.Email)]
    public void ValueEmptyAfterSteps_IsEmpty(string input, StandardizeStep step)
        => Assert.Equal("", Apply(input, step));

    [Fact]
    public void DefaultSteps_AreTrimThenLowercase()
    {
        Assert.Equal([StandardizeStep.Trim, StandardizeStep.Lowercase], IdentifierConfig.DefaultSteps);
        using var standardizer = new Standardizer(new IdentifierConfig { Name = "email" }.Standardize);
        Assert.Equal("ann@x.io", standardizer.ApplyToString("\u00A0 Ann@X.io \t"));
    }

    [Fact]
    public void NoSteps_LeavesValueUnchanged()
        => Assert.Equal("  Élodie+x@Y ", Apply("  Élodie+x@Y "));

    [Fact]
    public void Steps_RunInConfiguredOrder()
    {
        // Collapse first leaves one space at each end, which trim then removes.
        Assert.Equal("a b", Apply("  A \t B  ", StandardizeStep.CollapseWhitespace, StandardizeStep.Trim, StandardizeStep.Lowercase));
        Assert.Equal("strasse", Apply(" STRAẞE ", StandardizeStep.Trim, StandardizeStep.FoldAccents, StandardizeStep.Lowercase));
        Assert.Equal("0612", Apply(" 06 12 ", StandardizeStep.Trim, StandardizeStep.OnlyNumeric));
    }

    [Fact]
    public void LongValue_GrowsScratchBuffers()
    {
        var input = " " + string.Concat(Enumerable.Repeat("ÉÀ ß ", 500)) + " ";
        var expected = string.Concat(Enumerable.Repeat("ea ss ", 500)).TrimEnd();
        Assert.Equal(expected, Apply(input, StandardizeStep.Trim, StandardizeStep.Lowercase, StandardizeStep.FoldAccents,
            StandardizeStep.CollapseWhitespace));
    }

    [Fact]
    public void Reuse_EachCallIndependentOfThePrevious()
    {
        using var standardizer = new Standardizer([StandardizeStep.Trim, StandardizeStep.Lowercase, StandardizeStep.FoldAccents]);
        Assert.Equal("elodie", standardizer.ApplyToString(" Élodie "));
        Assert.Equal("a", standardizer.ApplyToString("A"));
        Assert.Equal("zoe", standardizer.ApplyToString("ZOË"));
    }
}
