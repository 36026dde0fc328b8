using Dinmo.IrEngine.Cli;

return CommandLine.Run(args);
