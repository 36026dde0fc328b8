namespace Dinmo.IrEngine.Config;

/// <summary>
/// Builds JSON paths the same way everywhere (reader, validators, binder), so a path computed by a
/// later check finds the position the reader recorded. Keys that are not plain identifiers use the
/// bracket form: <c>$.golden.fields['first name']</c>.
/// </summary>
internal static class ConfigPath
{
    public const string Root = "$";

    public static string Property(string parent, string name) =>
        IsPlain(name) ? parent + "." + name : parent + "['" + name.Replace("'", "\\'", StringComparison.Ordinal) + "']";

    public static string Item(string parent, int index) =>
        parent + "[" + index.ToString(System.Globalization.CultureInfo.InvariantCulture) + "]";

    private static bool IsPlain(string name)
    {
        if (name.Length == 0 || char.IsAsciiDigit(name[0])) return false;
        foreach (var c in name)
            if (!char.IsAsciiLetterOrDigit(c) && c != '_') return false;
        return true;
    }
}
