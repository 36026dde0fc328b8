using Dinmo.IrEngine.Macro.Measure;

namespace Dinmo.IrEngine.Macro.Data;

/// <summary>
/// Generated demo data for one size and seed (<c>irengine generate --demo</c>): three source models
/// and the identity graph <c>demo.json</c>, cached under the work directory as
/// <c>data/&lt;size&gt;-seed&lt;seed&gt;</c>. Generation writes to a scratch folder renamed into place at
/// the end, so a folder that exists is complete and reruns skip straight to the benchmark.
/// </summary>
internal sealed record DemoDataSet(string Directory, ProcessMeasurement? Generation)
{
    public const string GraphFile = "demo.json";

    public string GraphPath => Path.Combine(Directory, GraphFile);

    /// <exception cref="InvalidOperationException">The generator failed.</exception>
    public static DemoDataSet Ensure(EngineCli engine, string workDirectory, BenchSize size, ulong seed)
    {
        var directory = Path.Combine(workDirectory, "data", $"{size.Label}-seed{seed}");
        if (File.Exists(Path.Combine(directory, GraphFile))) return new DemoDataSet(directory, null);

        var scratch = directory + ".partial";
        if (System.IO.Directory.Exists(scratch)) System.IO.Directory.Delete(scratch, recursive: true);
        System.IO.Directory.CreateDirectory(Path.GetDirectoryName(directory)!);
        var log = Path.Combine(workDirectory, "data", $"{size.Label}-seed{seed}.generate");
        var generation = engine.Run(
            ["generate", "--demo", scratch, "--persons", size.Persons.ToString(System.Globalization.CultureInfo.InvariantCulture), "--seed", seed.ToString(System.Globalization.CultureInfo.InvariantCulture)],
            log + ".out", log + ".err");
        if (generation.ExitCode != 0)
            throw new InvalidOperationException($"irengine generate exited {generation.ExitCode} for {size.Label}; see {log}.err");
        System.IO.Directory.Move(scratch, directory);
        return new DemoDataSet(directory, generation);
    }
}
