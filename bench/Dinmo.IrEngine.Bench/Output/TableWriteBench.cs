using BenchmarkDotNet.Attributes;
using Dinmo.IrEngine.Config;
using Dinmo.IrEngine.Generate;
using Dinmo.IrEngine.Ingest;
using Dinmo.IrEngine.Output;
using Dinmo.IrEngine.Output.Tables;
using Dinmo.IrEngine.Resolution;

namespace Dinmo.IrEngine.Bench.Output;

/// <summary>
/// The write stage one table at a time: the demo graph generated with 100,000 persons (about
/// 190,000 records), resolved once in setup, then each row table written as Arrow into a scratch
/// folder, single thread. Isolates a table's build-and-write cost from the rest of a run (whole
/// runs are in <c>bench/results/resolve-write.md</c>).
/// </summary>
[MemoryDiagnoser, MinColumn, MedianColumn]
public class TableWriteBench
{
    private const int Persons = 100_000;

    private string _folder = "";
    private LoadedRecords? _loaded;
    private ResolutionResult? _result;
    private ClusterIdText? _ids;
    private TableDestination? _to;

    [Params(TableNames.Lookup, TableNames.MatchedIds, TableNames.MatchPairs, TableNames.Match, TableNames.Golden)]
    public string Table { get; set; } = TableNames.Lookup;

    [GlobalSetup]
    public void Setup()
    {
        _folder = Path.Combine(Path.GetTempPath(), "irengine-table-write-bench-" + Guid.NewGuid().ToString("N"));
        var demo = DemoGenerator.Write(Path.Combine(_folder, "data"), Persons);
        var graph = IdentityGraphLoader.Load(demo.GraphFile);
        var inputs = graph.Models.Select(model =>
        {
            var opened = TableSources.Open(model, graph.BaseDirectory);
            return new ModelInput(model, opened[0].Schema, opened.SelectMany(s => s.ReadBatches().Select(b => new SourceBatch(s.File, b))));
        }).ToList();
        _loaded = RecordLoader.Load(graph, inputs);
        _result = Resolver.Resolve(graph, _loaded, new StageClock(), threads: 1);
        _ids = new ClusterIdText(_result.DinmoIdValues);
        _to = new TableDestination(OutputFormat.Arrow, Path.Combine(_folder, "out"));
    }

    [Benchmark]
    public long Write() => (Table switch
    {
        TableNames.Lookup => LookupTableBuilder.Write(_result!, _to!),
        TableNames.MatchedIds => MatchedIdsTableBuilder.Write(_result!, _ids!, _to!),
        TableNames.MatchPairs => MatchPairsTableBuilder.Write(_result!, _ids!, _to!),
        TableNames.Match => MatchTableBuilder.Write(_result!, _ids!, "bench", _to!),
        _ => GoldenTableBuilder.Write(_result!, _ids!, "bench", _to!),
    }).Rows;

    [GlobalCleanup]
    public void Cleanup()
    {
        _result?.Dispose();
        _loaded?.Dispose();
        try { Directory.Delete(_folder, recursive: true); }
        catch (IOException) { }
    }
}
