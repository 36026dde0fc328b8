namespace Dinmo.IrEngine.Tests.Support;

/// <summary>
/// A fresh directory under the system temp folder, deleted with everything in it on dispose. Tests that
/// use the directory itself as a run's <c>--out</c> make the publisher put its run folders and lock
/// beside it (<c>.NAME.runs</c>, <c>.NAME.lock</c>); those go too.
/// </summary>
internal sealed class TempDirectory : IDisposable
{
    public TempDirectory()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "irengine-tests-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    public string File(string relative)
    {
        var full = System.IO.Path.Combine(Path, relative);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(full)!);
        return full;
    }

    public void Dispose()
    {
        var parent = System.IO.Path.GetDirectoryName(Path)!;
        var name = System.IO.Path.GetFileName(Path);
        try
        {
            Directory.Delete(Path, recursive: true);
            var runs = System.IO.Path.Combine(parent, $".{name}.runs");
            if (Directory.Exists(runs)) Directory.Delete(runs, recursive: true);
            System.IO.File.Delete(System.IO.Path.Combine(parent, $".{name}.lock"));
        }
        catch (IOException) { }
    }
}
