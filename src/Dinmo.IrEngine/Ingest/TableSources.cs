using Apache.Arrow;
using Dinmo.IrEngine.Config;
using Dinmo.IrEngine.Errors;

namespace Dinmo.IrEngine.Ingest;

/// <summary>
/// Opens every input file of a model and checks that they share one schema (SPEC §3.1). The
/// caller owns the returned sources and disposes them.
/// </summary>
internal static class TableSources
{
    /// <summary>Resolves <paramref name="model"/>'s path against <paramref name="baseDirectory"/> and opens each file, schema only.</summary>
    public static IReadOnlyList<ITableSource> Open(ModelConfig model, string baseDirectory)
    {
        var files = SourcePathResolver.Resolve(model, baseDirectory);
        var sources = new List<ITableSource>(files.Count);
        try
        {
            foreach (var file in files)
            {
                var source = OpenOne(file, model.Name);
                sources.Add(source);
                if (sources.Count > 1) SchemaMatch.Require(sources[0], source, model.Name);
            }
            return sources;
        }
        catch
        {
            foreach (var source in sources) source.Dispose();
            throw;
        }
    }

    /// <summary>Opens one file in the given format.</summary>
    public static ITableSource OpenOne(SourceFile file, string? model = null)
    {
        if (file.Path != SourceFile.StandardInput && !System.IO.File.Exists(file.Path))
            Throw.Input("input file not found", file: file.Path, model: model);
        try
        {
            return file.Format switch
            {
                InputFormat.ArrowFile => new ArrowFileSource(file.Path),
                InputFormat.ArrowStream => new ArrowStreamSource(file.Path),
                InputFormat.Parquet => new ParquetSource(file.Path),
                InputFormat.Csv => new CsvSource(file.Path),
                _ => Throw.Input<ITableSource>($"unsupported input format {file.Format}", file: file.Path),
            };
        }
        catch (InputException e) when (model is not null)
        {
            throw new InputException(WithModel(e.Message, model), e.InnerException);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new InputException(Throw.Located($"cannot open input file: {e.Message}", file.Path, model, null, null), e);
        }
    }

    /// <summary>Adds the model to a message located by a source, which knows its file but not its model.</summary>
    private static string WithModel(string message, string model) =>
        message.EndsWith(')') ? $"{message[..^1]}, model {model})" : $"{message} (model {model})";
}
