using System.CommandLine;

namespace Dinmo.IrEngine.Cli;

/// <summary><c>irengine validate &lt;graph&gt;</c>: the config and its input schemas; reads no data, writes nothing.</summary>
internal static class ValidateCommand
{
    public static Command Create(CommandContext context)
    {
        var graph = new Argument<FileInfo>("graph") { Description = "The identity graph (JSON or YAML)." };
        var command = new Command("validate", "Check an identity graph and its input schemas; exit 2 listing every error.") { graph };
        command.SetAction(parsed => context.Execute(() =>
        {
            Pipeline.Validate(parsed.GetValue(graph)!.FullName);
            Console.Out.WriteLine("{\"status\":\"valid\"}");
            return 0;
        }));
        return command;
    }
}
