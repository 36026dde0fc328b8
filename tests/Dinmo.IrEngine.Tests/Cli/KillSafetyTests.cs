using Dinmo.IrEngine.Tests.Support;

namespace Dinmo.IrEngine.Tests.Cli;

/// <summary>
/// SPEC §8 / issue #5: a run interrupted (SIGTERM, SIGINT) or killed (SIGKILL) in any stage leaves the
/// previous outputs and state byte-identical, and the next run succeeds and removes the stale staging
/// folder. The child is held in the stage with the IRENGINE_PAUSE_AT_STAGE fault-injection hook.
/// </summary>
public sealed class KillSafetyTests
{
    public static TheoryData<string, int> StagesAndSignals()
    {
        var data = new TheoryData<string, int>();
        string[] stages = ["load_state", "open", "read", "standardize", "block", "compare", "cluster", "stable_ids", "golden", "metrics", "write", "publish"];
        foreach (var stage in stages)
        {
            data.Add(stage, Signals.SigTerm);
            data.Add(stage, Signals.SigKill);
        }
        data.Add("compare", Signals.SigInt);
        return data;
    }

    private const string Graph = """
        {
          "project": "kill",
          "models": [ { "name": "people", "path": "people.csv", "primary_key": "id", "order_field": "updated",
                        "identifiers": { "email": ["email"], "name": ["name"] } } ],
          "identifiers": [ { "name": "email" }, { "name": "name" } ],
          "rules": [ { "name": "email + name", "criteria": [ { "identifiers": ["email"], "match": "exact" },
                                                             { "identifiers": ["name"], "match": "fuzzy_strong" } ] } ]
        }
        """;

    [Theory]
    [MemberData(nameof(StagesAndSignals))]
    public void InterruptedOrKilledInAnyStage_PreviousOutputsAndStateUntouched_NextRunCleansUp(string stage, int signal)
    {
        using var s = new ResolveScenario().Graph(Graph)
            .File("people.csv", "id,email,name,updated\na,x@y,martin,1\nb,x@y,martine,2\nc,z@y,dupont,3\n");
        Assert.Equal(0, s.Resolve("--run-id", "before").ExitCode);
        var before = ResolveScenario.TreeHashes(s.OutputFolder);
        Assert.Contains(before.Keys, k => k.StartsWith("_state/", StringComparison.Ordinal));
        s.File("people.csv", "id,email,name,updated\na,x@y,martin,1\nb,x@y,martine,2\nc,x@y,dupont,3\nd,z@y,durand,4\n");

        using var child = CliRunner.Start(new Dictionary<string, string> { ["IRENGINE_PAUSE_AT_STAGE"] = stage },
            "resolve", s.GraphPath, "--out", s.OutputFolder, "--format", "csv", "--run-id", "killed");
        var paused = WaitForLine(child, $"paused at stage {stage}");
        Assert.True(paused, $"the run never reached stage {stage}");
        Signals.Send(child.Id, signal);
        Assert.True(child.WaitForExit(TimeSpan.FromSeconds(20)), "the run did not stop within 20 s");
        var expectedExit = signal switch { Signals.SigTerm => 143, Signals.SigInt => 130, _ => 128 + Signals.SigKill };
        Assert.Equal(expectedExit, child.ExitCode);

        Assert.Equal(before, ResolveScenario.TreeHashes(s.OutputFolder));

        Assert.Equal(0, s.Resolve("--run-id", "after").ExitCode);
        var runs = Path.Combine(s.Folder, ".out.runs");
        Assert.Empty(Directory.GetDirectories(runs, "staging-*"));
        Assert.Single(Directory.GetDirectories(runs));
        Assert.Equal(4, s.Table("identity_match").Count);
    }

    private static bool WaitForLine(System.Diagnostics.Process process, string text)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            var line = process.StandardError.ReadLine();
            if (line is null) return false;
            if (line.Contains(text, StringComparison.Ordinal)) return true;
        }
        return false;
    }
}
