using System.Security.Cryptography;
using Dinmo.IrEngine.Generate;
using Dinmo.IrEngine.Tests.Support;

namespace Dinmo.IrEngine.Tests.Stitch;

/// <summary>
/// Pins the exact bytes of every output table and state file of a stitch run over generated events
/// (20,000 events, fixed seed and run id), in Arrow and CSV. The stitching engine and its writers
/// are optimized for speed; this is the check that an optimization changed no output. When a change
/// is meant to alter outputs, the failure message lists the new fingerprints to paste here.
/// </summary>
public sealed class StitchOutputFingerprintTests
{
    private const long Events = 20_000;
    private const ulong Seed = 7;

    // Captured from the engine before the Event Stitching performance work (object-per-event engine).
    // With Arrow outputs the state no longer repeats the attribution and audit tables as its own
    // events.arrow and audit.arrow (the next run reads the published output tables); with CSV outputs
    // it still writes them, byte for byte as before. Every other state file is unchanged.
    private const string StateEventsAndAudit = """
            _state/audit.arrow 51c686e88ded02403d3c0f98455ad339df88c3cdacb4ca9b7901345a5c7f0272
            _state/events.arrow bbd3edf9847f569aee49c6c5088a8055403c2cc40fe14d1c305db997d7432a79
            """ + "\n";

    private const string State = """
            _state/partition_window.arrow f86ec42bd103f113d71d89b208757850d9775db42f00bb6d8d2d15205cb096b2
            _state/profile_values.arrow a76dcc77d57323a947d3cbb1ee28e3d20e36cd869a1d59eca8072a3c50c082b9
            _state/profiles.arrow 3c65f7ab28aa0a4494eb544b99aa8f3f876b91010cf228b8904cb33d1175ee57
            _state/value_states.arrow d1a136d022c3a39eef7e13fb1c6efbf7d7fa1c7d28be234b7efefaf07ddb38cb
            """ + "\n";

    private const string ArrowTables = """
            identity_event_profile_attribution.arrow 297b4d1f04b8ae9e5f2f94cfe437d9fb490a2e864bb078ca13ad20350cf379c7
            identity_event_profile_audit_events.arrow 51c686e88ded02403d3c0f98455ad339df88c3cdacb4ca9b7901345a5c7f0272
            identity_event_profile_identifier_values.arrow 720e20b708db490f3a9f54263d081feeb622dabaa85a0be268de11d2102aec62
            identity_event_profile_redirects.arrow 1963d1b58c02c3760db166e6f9d28910502064a165c230142b7e35e6af0298b3
            identity_event_profile_run_metrics.arrow 9c420e9620b7d00bd936b6c991c99f98f04abb90dd60f498f6112ccdbfe106ba
            identity_event_profiles.arrow 980ef7d2effa88721d3447b6a16bc7ca9d441974b66b29e361ea5f683ce3d615
            """;

    private const string CsvTables = """
            identity_event_profile_attribution.csv f196a424d60b0de22f2fc804060ce0ba7f3b774c145685c5542172e537217eb2
            identity_event_profile_audit_events.csv 41963e710276f2f50c5b3bf25cb31e6ba8ccc41fa9aa787a51979277412e81f4
            identity_event_profile_identifier_values.csv 601b5ac4fd4420f53045dd97d0ff9ebba9e018dc58c5a693c18d8c5c79fe11e1
            identity_event_profile_redirects.csv f3dc23b6ef393b5956e18c36a9cb46635ccf44c1b228a4dd37c7a305bf09dd12
            identity_event_profile_run_metrics.csv f61cfe12e94adb2e8487cdf858f7dbfceb7d6e333cdf71808ed48675cd012877
            identity_event_profiles.csv b5e0057efa33ff664216e72db881ef733e8902b4645e911ad141d62b79f8316e
            """;

    public static TheoryData<string, string> Expected => new()
    {
        { "arrow", State + ArrowTables },
        { "csv", StateEventsAndAudit + State + CsvTables },
    };

    [Theory]
    [MemberData(nameof(Expected))]
    public void GeneratedEvents_OutputsByteIdenticalToPinned(string format, string expected)
    {
        using var dir = new TempDirectory();
        var generated = EventGenerator.Write(dir.File("events"), Events, Seed);
        var output = dir.File("out");
        var run = CliRunner.Run(["stitch", generated.ConfigFile, "--out", output, "--run-id", "pinned", "--format", format]);
        Assert.True(run.ExitCode == 0, run.StdErr);

        var actual = Fingerprints(output);
        Assert.True(actual == expected, $"outputs changed; fingerprints now:\n{actual}");
    }

    /// <summary>
    /// Enough events (150,000) that the parallel steps really split: the stitching order is sorted in
    /// two runs and merged, and the event copy and the attribution gather run in three chunks.
    /// </summary>
    [Fact]
    public void GeneratedEvents_SameBytesWhateverTheThreads()
    {
        using var dir = new TempDirectory();
        var generated = EventGenerator.Write(dir.File("events"), 150_000, Seed);
        string Run(int threads)
        {
            var output = dir.File($"out-{threads}");
            var run = CliRunner.Run(["stitch", generated.ConfigFile, "--out", output, "--run-id", "pinned",
                "--threads", threads.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
            Assert.True(run.ExitCode == 0, run.StdErr);
            return Fingerprints(output);
        }

        var one = Run(1);
        Assert.Equal(one, Run(2));
        Assert.Equal(one, Run(3));
    }

    /// <summary>One line per file (outputs and <c>_state/</c>, not the run summary): relative path and SHA-256.</summary>
    private static string Fingerprints(string folder) => string.Join("\n", Directory
        .GetFiles(folder, "*", SearchOption.AllDirectories)
        .Select(f => Path.GetRelativePath(folder, f))
        .Where(f => f != "run_summary.json" && f != "_SUCCESS")
        .Order(StringComparer.Ordinal)
        .Select(f => $"{f} {Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(Path.Combine(folder, f))))}"));
}
