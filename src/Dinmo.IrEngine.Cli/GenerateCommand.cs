using System.CommandLine;

namespace Dinmo.IrEngine.Cli;

/// <summary><c>irengine generate --demo &lt;dir&gt;</c>: deterministic synthetic data with ground truth and an identity graph.</summary>
internal static class GenerateCommand
{
    public static Command Create(CommandContext context)
    {
        var directory = new Option<DirectoryInfo>("--demo") { Description = "Folder to write the demo data set into.", Required = true };
        var persons = new Option<int>("--persons") { Description = "Number of persons.", DefaultValueFactory = _ => Generate.DemoGenerator.DefaultPersons };
        var seed = new Option<ulong>("--seed") { Description = "Random seed.", DefaultValueFactory = _ => Generate.DemoGenerator.DefaultSeed };
        var command = new Command("generate", "Write deterministic synthetic identity data with ground truth.") { directory, persons, seed };
        command.SetAction(parsed => context.Execute(() =>
        {
            Generate.DemoGenerator.Write(parsed.GetValue(directory)!.FullName, parsed.GetValue(persons), parsed.GetValue(seed));
            Console.Out.WriteLine("{\"status\":\"generated\"}");
            return 0;
        }));
        return command;
    }
}
