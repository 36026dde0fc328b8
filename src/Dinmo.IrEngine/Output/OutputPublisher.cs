using System.Runtime.InteropServices;
using Dinmo.IrEngine.Errors;

namespace Dinmo.IrEngine.Output;

/// <summary>
/// Publishes a run's outputs atomically (SPEC §8). Tables and state are written into a staging folder;
/// the output path is a symbolic link to the current run's folder, and publishing swaps that link
/// with one <c>rename(2)</c>, so a reader sees the whole previous run or the whole new one, never a
/// mix. Layout, for <c>--out out/customers</c>:
/// <code>
/// out/customers                -> .customers.runs/&lt;run folder&gt;   (the link users read through)
/// out/.customers.runs/         every published run folder (only the current one is kept) and staging-*
/// out/.customers.lock          held while a run is in progress: one run per output at a time
/// </code>
/// A failed or killed run leaves only a staging folder, which the next run removes.
/// Owns the lock until disposed.
/// </summary>
internal sealed class OutputPublisher : IDisposable
{
    public const string SuccessMarker = "_SUCCESS";

    private readonly string _target;
    private readonly string _runsDirectory;
    private readonly FileStream _lock;

    public OutputPublisher(string outputDirectory)
    {
        _target = Path.GetFullPath(outputDirectory.TrimEnd('/', '\\'));
        var parent = Path.GetDirectoryName(_target) ?? ".";
        var name = Path.GetFileName(_target);
        _runsDirectory = Path.Combine(parent, $".{name}.runs");
        // Publishing renames a link over the output path, which would silently replace a user's file there.
        if (File.Exists(_target) && !IsLink(_target))
        {
            throw new OutputException($"the output path {_target} is an existing file; expected a directory or a path that does not exist yet");
        }
        try
        {
            Directory.CreateDirectory(_runsDirectory);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            var reason = FileInTheWay(parent) is { } file ? $"{file} is a file, not a directory" : e.Message;
            throw new OutputException($"cannot create the output directory {_target}: {reason}", e);
        }
        try
        {
            _lock = new FileStream(Path.Combine(parent, $".{name}.lock"), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException e)
        {
            throw new OutputException($"cannot take the output directory {_target}: {e.Message} (is another run writing to it?)", e);
        }
        catch (UnauthorizedAccessException e)
        {
            throw new OutputException($"cannot write to the output directory {_target}: {e.Message}", e);
        }
        RemoveStaleStaging();
        StagingDirectory = Path.Combine(_runsDirectory, $"staging-{Environment.ProcessId}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(StagingDirectory);
    }

    /// <summary>Where this run writes everything before publishing.</summary>
    public string StagingDirectory { get; }

    /// <summary>The published output path (a link to the current run folder).</summary>
    public string Target => _target;

    /// <summary>The folder of the previously published run, or null on a first run.</summary>
    public string? PreviousRunDirectory => Directory.Exists(_target) && File.Exists(Path.Combine(_target, SuccessMarker)) ? _target : null;

    /// <summary>Marks the staging folder complete and swaps it in as the output.</summary>
    public void Publish(string runId)
    {
        try
        {
            File.WriteAllText(Path.Combine(StagingDirectory, SuccessMarker), "");
            var folderName = $"run-{DateTime.UtcNow:yyyyMMddTHHmmssfff}-{Guid.NewGuid():N}"[..40];
            var published = Path.Combine(_runsDirectory, folderName);
            Directory.Move(StagingDirectory, published);
            if (Directory.Exists(_target) && !IsLink(_target))
            {
                // An output folder from before links were used: move it aside (the one non-atomic step, done once).
                Directory.Move(_target, Path.Combine(_runsDirectory, $"legacy-{Guid.NewGuid():N}"));
            }
            var temporaryLink = Path.Combine(Path.GetDirectoryName(_target)!, $".{Path.GetFileName(_target)}.link-{Guid.NewGuid():N}");
            File.CreateSymbolicLink(temporaryLink, Path.Combine(Path.GetFileName(_runsDirectory), folderName));
            Rename(temporaryLink, _target);
            RemoveOldRuns(keep: folderName);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new OutputException($"publishing run {runId} to {_target} failed: {e.Message}", e);
        }
    }

    private static bool IsLink(string path) => new FileInfo(path).LinkTarget is not null;

    /// <summary>The nearest existing ancestor of <paramref name="directory"/> (itself included) when it is a file, else null.</summary>
    private static string? FileInTheWay(string directory)
    {
        for (var path = directory; !string.IsNullOrEmpty(path); path = Path.GetDirectoryName(path))
        {
            if (Directory.Exists(path)) return null;
            if (File.Exists(path)) return path;
        }
        return null;
    }

    private void RemoveStaleStaging()
    {
        foreach (var stale in Directory.EnumerateDirectories(_runsDirectory, "staging-*")) TryDelete(stale);
    }

    private void RemoveOldRuns(string keep)
    {
        foreach (var folder in Directory.EnumerateDirectories(_runsDirectory))
        {
            var name = Path.GetFileName(folder);
            if (name != keep && !name.StartsWith("staging-", StringComparison.Ordinal)) TryDelete(folder);
        }
    }

    private static void TryDelete(string folder)
    {
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
            // Left for the next run to clean: a leftover folder is harmless, failing the run is not.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    /// <summary>rename(2): atomically replaces <paramref name="to"/> (a link or nothing) with <paramref name="from"/>.</summary>
    private static void Rename(string from, string to)
    {
        if (rename(from, to) != 0)
        {
            throw new IOException($"rename {from} -> {to} failed with errno {Marshal.GetLastPInvokeError()}");
        }
    }

    [DllImport("libc", SetLastError = true)]
    private static extern int rename(string oldpath, string newpath);

    /// <summary>Releases the lock; an unpublished staging folder is removed.</summary>
    public void Dispose()
    {
        if (Directory.Exists(StagingDirectory)) TryDelete(StagingDirectory);
        _lock.Dispose();
    }
}
