using System.Text;
using System.Text.RegularExpressions;
using Dinmo.IrEngine.Config;
using Dinmo.IrEngine.Errors;

namespace Dinmo.IrEngine.Ingest;

/// <summary>
/// Resolves a model's <c>path</c> to input files: a single file, a directory (every file with an
/// input extension inside it, not recursive), or a glob (<c>*</c>, <c>?</c>, and <c>**</c> for any
/// number of directories). Files are sorted ordinally so a run never depends on directory order.
/// </summary>
internal static class SourcePathResolver
{
    public static IReadOnlyList<SourceFile> Resolve(ModelConfig model, string baseDirectory)
    {
        if (model.Path == SourceFile.StandardInput)
            return [new SourceFile(SourceFile.StandardInput, model.Format ?? InputFormat.ArrowStream)];

        var full = System.IO.Path.GetFullPath(model.Path, baseDirectory);
        List<string> paths;
        if (IsGlob(model.Path)) paths = ExpandGlob(full);
        else if (Directory.Exists(full)) paths = FilesOfDirectory(full);
        else if (File.Exists(full)) paths = [full];
        else paths = [];

        if (paths.Count == 0)
            Throw.Input($"no input file matches path '{model.Path}' (resolved to '{full}')", model: model.Name);

        paths.Sort(StringComparer.Ordinal);
        var files = new List<SourceFile>(paths.Count);
        foreach (var path in paths)
        {
            var format = model.Format ?? InputFormatDetector.FromExtension(path)
                ?? Throw.Input<InputFormat>("cannot tell the input format from the file extension; " +
                    "expected .arrow, .feather, .arrows, .parquet, .csv or .csv.gz, or an explicit \"format\"",
                    file: path, model: model.Name);
            files.Add(new SourceFile(path, format));
        }
        return files;
    }

    private static bool IsGlob(string path) => path.AsSpan().IndexOfAny('*', '?') >= 0;

    private static List<string> FilesOfDirectory(string directory) =>
        Directory.EnumerateFiles(directory)
            .Where(f => InputFormatDetector.FromExtension(f) is not null)
            .ToList();

    private static List<string> ExpandGlob(string fullPattern)
    {
        var pattern = fullPattern.Replace('\\', '/');
        var firstWildcard = pattern.AsSpan().IndexOfAny('*', '?');
        var root = pattern[..(pattern.LastIndexOf('/', firstWildcard) + 1)];
        if (!Directory.Exists(root)) return [];

        var relativePattern = pattern[root.Length..];
        var recursive = relativePattern.Contains("**", StringComparison.Ordinal) || relativePattern.Contains('/');
        var regex = GlobToRegex(relativePattern);
        var option = recursive ? SearchOption.AllDirectories : SearchOption.TopDirectoryOnly;
        return Directory.EnumerateFiles(root, "*", option)
            .Where(f => regex.IsMatch(f.Replace('\\', '/')[root.Length..]))
            .ToList();
    }

    /// <summary>
    /// <c>**/</c> matches zero or more directories, <c>**</c> anything, <c>*</c> anything but a
    /// separator, <c>?</c> one character but a separator; everything else is literal.
    /// </summary>
    private static Regex GlobToRegex(string glob)
    {
        var text = new StringBuilder("^");
        for (var i = 0; i < glob.Length; i++)
        {
            var c = glob[i];
            if (c == '*' && i + 1 < glob.Length && glob[i + 1] == '*')
            {
                var slash = i + 2 < glob.Length && glob[i + 2] == '/';
                text.Append(slash ? "(?:.*/)?" : ".*");
                i += slash ? 2 : 1;
            }
            else if (c == '*') text.Append("[^/]*");
            else if (c == '?') text.Append("[^/]");
            else text.Append(Regex.Escape(c.ToString()));
        }
        return new Regex(text.Append('$').ToString(), RegexOptions.CultureInvariant);
    }
}
