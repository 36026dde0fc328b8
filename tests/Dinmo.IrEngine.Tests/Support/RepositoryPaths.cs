namespace Dinmo.IrEngine.Tests.Support;

/// <summary>Where the repository and the shared test data (../shared/data beside it) are.</summary>
internal static class RepositoryPaths
{
    private static readonly Lazy<string> RootPath = new(FindRoot);

    /// <summary>The folder holding Dinmo.IrEngine.sln, found by walking up from the test binaries.</summary>
    public static string Root => RootPath.Value;

    /// <summary>A file of the shared data folder; fails loudly when absent, so no test passes without its data.</summary>
    public static string SharedData(params string[] parts)
    {
        var path = Path.GetFullPath(Path.Combine([Root, "..", "shared", "data", .. parts]));
        if (!File.Exists(path)) throw new FileNotFoundException($"shared test data not found at {path}", path);
        return path;
    }

    public static string Data(params string[] parts) => Path.Combine([Root, "data", .. parts]);

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Dinmo.IrEngine.sln"))) return dir.FullName;
        }
        throw new InvalidOperationException($"no Dinmo.IrEngine.sln above {AppContext.BaseDirectory}");
    }
}
