using System.CommandLine;
using System.Globalization;
using Dinmo.IrEngine.Config;

namespace Dinmo.IrEngine.Cli;

/// <summary>
/// <c>irengine generate --demo &lt;dir&gt; [--persons N]</c>: deterministic synthetic profile data with
/// ground truth and an identity graph; <c>irengine generate --scale &lt;dir&gt; [--records N] [--format
/// parquet|arrow]</c>: the same kind of data at any size, streamed in bounded memory;
/// <c>irengine generate --events &lt;dir&gt; [--count N]</c>: event tables with ground truth and a stitch
/// config. Exactly one of the three folders is given.
/// </summary>
internal static class GenerateCommand
{
    public static Command Create(CommandContext context)
    {
        var demo = new Option<DirectoryInfo?>("--demo") { Description = "Folder to write the demo (Profile Resolution) data set into." };
        var scale = new Option<DirectoryInfo?>("--scale") { Description = "Folder to write a large Profile Resolution data set into, streamed (Parquet or Arrow)." };
        var events = new Option<DirectoryInfo?>("--events") { Description = "Folder to write event tables and events.json (Event Stitching) into." };
        var persons = new Option<int>("--persons") { Description = "Number of persons (--demo).", DefaultValueFactory = _ => Generate.DemoGenerator.DefaultPersons };
        var records = new Option<long>("--records") { Description = "About this many source records over all models (--scale).", DefaultValueFactory = _ => Generate.ScaleGenerator.DefaultRecords };
        var format = new Option<string>("--format") { Description = "File format of every table (--scale): parquet (default) or arrow.", DefaultValueFactory = _ => "parquet" };
        format.AcceptOnlyFromAmong("parquet", "arrow");
        var count = new Option<long>("--count") { Description = "Number of events (--events).", DefaultValueFactory = _ => Generate.EventGenerator.DefaultCount };
        var seed = new Option<ulong>("--seed") { Description = "Random seed.", DefaultValueFactory = _ => Generate.DemoGenerator.DefaultSeed };
        var command = new Command("generate", "Write deterministic synthetic identity or event data with ground truth.")
        {
            demo, scale, events, persons, records, format, count, seed,
        };
        // Usage errors are parse errors: reported by CommandLine.Run with exit code 2.
        command.Validators.Add(result =>
        {
            var folders = new[] { result.GetResult(demo), result.GetResult(scale), result.GetResult(events) }.Count(r => r is not null);
            if (folders != 1) result.AddError("generate needs exactly one of --demo DIR, --scale DIR or --events DIR");
            if (result.GetResult(count) is not null && result.GetValue(count) < 1) result.AddError($"--count must be at least 1; found {result.GetValue(count)}");
            if (result.GetResult(records) is not null && result.GetValue(records) is < 1 or > Generate.ScaleGenerator.MaxRecords)
                result.AddError($"--records must be between 1 and {Generate.ScaleGenerator.MaxRecords}; found {result.GetValue(records)}");
        });
        command.SetAction(parsed => context.Execute(() =>
        {
            var (demoDir, scaleDir, eventsDir) = (parsed.GetValue(demo), parsed.GetValue(scale), parsed.GetValue(events));
            if (demoDir is not null)
            {
                Generate.DemoGenerator.Write(demoDir.FullName, parsed.GetValue(persons), parsed.GetValue(seed));
                Console.Out.WriteLine("{\"status\":\"generated\"}");
                return 0;
            }
            if (scaleDir is not null)
            {
                var tableFormat = parsed.GetValue(format) == "arrow" ? OutputFormat.Arrow : OutputFormat.Parquet;
                var scaled = Generate.ScaleGenerator.Write(scaleDir.FullName, parsed.GetValue(records), tableFormat, parsed.GetValue(seed));
                Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{{\"status\":\"generated\",\"records\":{scaled.Records},\"persons\":{scaled.Persons},\"graph\":\"{scaled.GraphFile}\"}}"));
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
