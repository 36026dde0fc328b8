using System.CommandLine;
using System.Globalization;

namespace Dinmo.IrEngine.Cli;

/// <summary>
/// <c>irengine generate --demo &lt;dir&gt; [--persons N]</c>: deterministic synthetic profile data with
/// ground truth and an identity graph; <c>irengine generate --events &lt;dir&gt; [--count N]</c>: event
/// tables with ground truth and a stitch config. Exactly one of the two folders is given.
/// </summary>
internal static class GenerateCommand
{
    public static Command Create(CommandContext context)
    {
        var demo = new Option<DirectoryInfo?>("--demo") { Description = "Folder to write the demo (Profile Resolution) data set into." };
        var events = new Option<DirectoryInfo?>("--events") { Description = "Folder to write event tables and events.json (Event Stitching) into." };
        var persons = new Option<int>("--persons") { Description = "Number of persons (--demo).", DefaultValueFactory = _ => Generate.DemoGenerator.DefaultPersons };
        var count = new Option<long>("--count") { Description = "Number of events (--events).", DefaultValueFactory = _ => Generate.EventGenerator.DefaultCount };
        var seed = new Option<ulong>("--seed") { Description = "Random seed.", DefaultValueFactory = _ => Generate.DemoGenerator.DefaultSeed };
        var command = new Command("generate", "Write deterministic synthetic identity or event data with ground truth.")
        {
            demo, events, persons, count, seed,
        };
        // Usage errors are parse errors: reported by CommandLine.Run with exit code 2.
        command.Validators.Add(result =>
        {
            if ((result.GetResult(demo) is null) == (result.GetResult(events) is null))
                result.AddError("generate needs exactly one of --demo DIR or --events DIR");
            if (result.GetResult(count) is not null && result.GetValue(count) < 1) result.AddError($"--count must be at least 1; found {result.GetValue(count)}");
        });
        command.SetAction(parsed => context.Execute(() =>
        {
            var (demoDir, eventsDir) = (parsed.GetValue(demo), parsed.GetValue(events));
            if (demoDir is not null)
            {
                Generate.DemoGenerator.Write(demoDir.FullName, parsed.GetValue(persons), parsed.GetValue(seed));
                Console.Out.WriteLine("{\"status\":\"generated\"}");
                return 0;
            }
            var written = Generate.EventGenerator.Write(eventsDir!.FullName, parsed.GetValue(count), parsed.GetValue(seed));
            Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{{\"status\":\"generated\",\"events\":{written.Events},\"persons\":{written.Persons},\"config\":\"{written.ConfigFile}\"}}"));
            return 0;
        }));
        return command;
    }
}
