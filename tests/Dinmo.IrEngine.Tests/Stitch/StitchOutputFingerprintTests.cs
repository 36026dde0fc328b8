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

    // The CSV tables were captured from the engine before the Event Stitching performance work (object-per-event
    // engine) and have not changed since. The Arrow files were pinned again when the tables started to be written a
    // chunk of rows at a time (ChunkedTableWriter): the same rows and values, but each buffer is now written at its
    // length instead of padded to 64 bytes, and a column without nulls carries no validity bitmap. With Arrow
    // outputs the state does not repeat the attribution and audit tables as its own events.arrow and audit.arrow
    // (the next run reads the published output tables); with CSV outputs it still writes them. The state's value_states
    // was pinned again when it started naming profiles by their row in profiles instead of by id.
    private const string StateEventsAndAudit = """
            _state/audit.arrow cbf748bc375ba34ac28ccbfdbd423ccf022b13a80ea0883329424bff2832d1de
            _state/events.arrow 40ca74f18fefdb0ebac525ea952e6de941c6621c99792b7306244057afb6ba5b
            """ + "\n";

    // With Arrow outputs the state's profile values are not written either: the next run reads the output's identifier
    // values and profile_value_status, one flag per row (a stored "active" shown "expired"); with CSV the state keeps profile_values.
    private const string ArrowState = """
            _state/partition_window.arrow e3aee44a3e8adb2f549ed5734fa7353f2ae1d77b20d532d71a193e4ac5c87a5d
            _state/profile_value_status.arrow f334bda7fc05a7c80c95ec1c3b31d151edbdf3a191f534ee979f92c1e01c47fa
            _state/profiles.arrow d87a6e1af85b3b2071f824e7ed556ad4df1db4a3b19764146392e667341ec382
            _state/value_states.arrow bd47e85fa6dc9a3d4e747bf4c616da47e929388f2187ecc2504d22003d88592a
            """ + "\n";

    private const string CsvState = """
            _state/partition_window.arrow e3aee44a3e8adb2f549ed5734fa7353f2ae1d77b20d532d71a193e4ac5c87a5d
            _state/profile_values.arrow 711aa1fae8d4014c121e60d10feac3e9466570099c7f97beff32fcebec615537
            _state/profiles.arrow d87a6e1af85b3b2071f824e7ed556ad4df1db4a3b19764146392e667341ec382
            _state/value_states.arrow bd47e85fa6dc9a3d4e747bf4c616da47e929388f2187ecc2504d22003d88592a
            """ + "\n";

    private const string ArrowTables = """
            identity_event_profile_attribution.arrow 14581b89926cb678733cf9ac3002e5f37e256f83187fbf60d73666df077b872e
            identity_event_profile_audit_events.arrow cbf748bc375ba34ac28ccbfdbd423ccf022b13a80ea0883329424bff2832d1de
            identity_event_profile_identifier_values.arrow f0eb890573d116f1162883b22562f3b60cc065dd2a2ab85acb0f024918dd108c
            identity_event_profile_redirects.arrow 8a4d5fa57fca15ebf8ee6f2eff3fc3368fb36cd32a1364a3a8ae2f11a508dad5
            identity_event_profile_run_metrics.arrow 0dfe6466c4a54cd9589caa4534858acd52ae45258644604649fa869b2e28ccc0
            identity_event_profiles.arrow e5fc4b8e9edd064dd631d856b4d61228084d47363ef3a89bcb259f4ca1b31765
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
        { "arrow", ArrowState + ArrowTables },
        { "csv", StateEventsAndAudit + CsvState + CsvTables },
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

    /// <summary>
    /// Tables longer than a chunk (150,000 attribution rows: three chunks of 65,536) are read back whole: a rerun
    /// from the Arrow state and tables of a full run, processing no event, gives the graph tables of a full run.
    /// </summary>
    [Fact]
    public void StateOfManyChunks_RerunReadsEveryChunk()
    {
        using var dir = new TempDirectory();
        var generated = EventGenerator.Write(dir.File("events"), 150_000, Seed);
        string[] Stitch(string output, params string[] options)
        {
            var run = CliRunner.Run(["stitch", generated.ConfigFile, "--out", output, "--run-id", "pinned", .. options]);
            Assert.True(run.ExitCode == 0, run.StdErr);
            return [.. Directory.GetFiles(output, "*.csv").Where(f => !f.EndsWith("run_metrics.csv", StringComparison.Ordinal))
                .Order(StringComparer.Ordinal).Select(File.ReadAllText)];
        }

        var full = Stitch(dir.File("full"), "--format", "csv");
        Stitch(dir.File("rerun"), "--format", "arrow");
        var rerun = Stitch(dir.File("rerun"), "--format", "csv");
        Assert.Equal(5, full.Length);
        Assert.Equal(full, rerun);
    }

    /// <summary>One line per file (outputs and <c>_state/</c>, not the run summary): relative path and SHA-256.</summary>
    private static string Fingerprints(string folder) => string.Join("\n", Directory
        .GetFiles(folder, "*", SearchOption.AllDirectories)
        .Select(f => Path.GetRelativePath(folder, f))
        .Where(f => f != "run_summary.json" && f != "_SUCCESS")
        .Order(StringComparer.Ordinal)
        .Select(f => $"{f} {Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(Path.Combine(folder, f))))}"));
}
