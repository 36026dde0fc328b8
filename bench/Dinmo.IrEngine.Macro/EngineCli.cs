using Dinmo.IrEngine.Macro.Measure;

namespace Dinmo.IrEngine.Macro;

/// <summary>The built <c>irengine</c> CLI, started as <c>dotnet irengine.dll …</c> in a measured child process.</summary>
internal sealed record EngineCli(string DllPath)
{
    /// <exception cref="FileNotFoundException">The CLI has not been built.</exception>
    public static EngineCli Locate(string dllPath) => File.Exists(dllPath)
        ? new EngineCli(dllPath)
        : throw new FileNotFoundException($"irengine CLI not found at {dllPath}: build it with `dotnet build -c Release` or pass --engine", dllPath);

    public ProcessMeasurement Run(IReadOnlyList<string> arguments, string stdoutPath, string stderrPath) =>
        MeasuredProcess.Run(DotnetHost, [DllPath, .. arguments], stdoutPath, stderrPath);

    /// <summary>The <c>dotnet</c> muxer running this benchmark; it hosts the child in the same process id.</summary>
    public static string DotnetHost => Environment.ProcessPath is { } path && Path.GetFileNameWithoutExtension(path) == "dotnet" ? path : "dotnet";
}
