using System.CommandLine;
using System.Runtime.InteropServices;
using Dinmo.IrEngine.Errors;

namespace Dinmo.IrEngine.Cli;

/// <summary>
/// The <c>irengine</c> command line: parse → run → exit code (SPEC §8). Errors are caught here only,
/// mapped to the documented exit codes, and reported as one line on stderr plus a one-line JSON
/// failure summary as the last stdout line.
/// </summary>
internal static class CommandLine
{
    public static int Run(string[] args)
    {
        using var interrupt = new Interruption();
        var verbose = new Option<bool>("--verbose") { Description = "Print stack traces of internal errors." };
        var root = new RootCommand("irengine — identity resolution batch engine (Profile Resolution and Event Stitching).");
        root.Options.Add(verbose);
        var context = new CommandContext(interrupt);
        root.Subcommands.Add(ResolveCommand.Create(context));
        root.Subcommands.Add(ValidateCommand.Create(context));
        root.Subcommands.Add(StitchCommand.Create(context));
        root.Subcommands.Add(GenerateCommand.Create(context));

        var parsed = root.Parse(args);
        if (parsed.Errors.Count > 0)
        {
            foreach (var error in parsed.Errors) Console.Error.WriteLine($"irengine: {error.Message}");
            Console.Error.WriteLine("irengine: see 'irengine --help'");
            return ExitCodes.InvalidConfig;
        }
        context.Verbose = parsed.GetValue(verbose);
        return parsed.Invoke();
    }
}
