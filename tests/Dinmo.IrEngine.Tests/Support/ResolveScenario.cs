using System.Security.Cryptography;

namespace Dinmo.IrEngine.Tests.Support;

/// <summary>
/// A hand-made Profile Resolution case on disk: input files and a graph in a temp folder, run through
/// the real CLI with CSV output, and its output tables read back.
/// </summary>
internal sealed class ResolveScenario : IDisposable
{
    private readonly TempDirectory _dir = new();

    public string Folder => _dir.Path;

    public string GraphPath => _dir.File("graph.json");

    public string OutputFolder => Path.Combine(_dir.Path, "out");

    public ResolveScenario File(string name, string content)
    {
        System.IO.File.WriteAllText(_dir.File(name), content.ReplaceLineEndings("\n"));
        return this;
    }

    public ResolveScenario Graph(string json) => File("graph.json", json);

    /// <summary>Runs resolve with CSV output and run id <c>test-run</c> unless <paramref name="extra"/> names one.</summary>
    public CliRunner.Result Resolve(params string[] extra) => extra.Contains("--run-id")
        ? CliRunner.Run(["resolve", GraphPath, "--out", OutputFolder, "--format", "csv", .. extra])
        : CliRunner.Run(["resolve", GraphPath, "--out", OutputFolder, "--format", "csv", "--run-id", "test-run", .. extra]);

    public List<Dictionary<string, string?>> Table(string name) => CsvText.ReadTable(Path.Combine(OutputFolder, name + ".csv"));

    /// <summary>dinmo_id per "model/key" from identity_match.</summary>
    public Dictionary<string, string?> Ids() =>
        Table("identity_match").ToDictionary(r => $"{r["model_name"]}/{r["entity_key"]}", r => r["dinmo_id"]);

    /// <summary>Every output file's bytes, by name, for byte-for-byte comparisons.</summary>
    public static Dictionary<string, byte[]> Snapshot(string folder) =>
        Directory.GetFiles(folder).ToDictionary(f => Path.GetFileName(f), System.IO.File.ReadAllBytes);

    /// <summary>
    /// Every file under <paramref name="folder"/> (through the output link, <c>_state/</c> included), by
    /// path relative to it, with the SHA-256 of its bytes: to check that a failed run left everything byte-identical.
    /// </summary>
    public static SortedDictionary<string, string> TreeHashes(string folder) =>
        new(Directory.GetFiles(folder, "*", SearchOption.AllDirectories).ToDictionary(
            f => Path.GetRelativePath(folder, f).Replace('\\', '/'),
            f => Convert.ToHexString(SHA256.HashData(System.IO.File.ReadAllBytes(f)))), StringComparer.Ordinal);

    public void Dispose() => _dir.Dispose();
}
