using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Dinmo.IrEngine.Diagnostics;
using Dinmo.IrEngine.Tests.Support;

namespace Dinmo.IrEngine.Tests.Diagnostics;

/// <summary>A resolve run publishes its records, rows and stage durations on the <c>Dinmo.IrEngine</c> Meter.</summary>
public sealed class IrEngineMeterTests
{
    [Fact]
    public void ResolveRun_PublishesRecordsRowsAndStages()
    {
        var longs = new ConcurrentBag<(string Instrument, long Value, string? Tag)>();
        var stages = new ConcurrentBag<string>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == IrEngineMeter.Name) l.EnableMeasurementEvents(instrument);
        };
        listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) =>
            longs.Add((instrument.Name, value, tags.Length > 0 ? tags[0].Value as string : null)));
        listener.SetMeasurementEventCallback<double>((instrument, _, tags, _) =>
        {
            if (instrument.Name == "irengine.stage.duration") stages.Add((string)tags[0].Value!);
        });
        listener.Start();

        using var dir = new TempDirectory();
        File.WriteAllText(dir.File("people.csv"), "id,email,updated\nm1,a@x.com,1\nm2,a@x.com,2\nm3,b@x.com,3\n");
        File.WriteAllText(dir.File("graph.json"), """
            {
              "project": "meter",
              "models": [ { "name": "people", "path": "people.csv", "primary_key": "id", "order_field": "updated",
                            "identifiers": { "email": ["email"] } } ],
              "identifiers": [ { "name": "email" } ],
              "rules": [ { "name": "email", "criteria": [ { "identifiers": ["email"], "match": "exact" } ] } ]
            }
            """);
        Pipeline.Resolve(new ResolveOptions { GraphPath = dir.File("graph.json"), OutputDirectory = dir.File("out"), RunId = "meter" });
        listener.RecordObservableInstruments();

        Assert.Contains(("irengine.records.read", 3L, (string?)null), longs);
        Assert.Contains(("irengine.rows.written", 2L, (string?)"identity_golden"), longs);
        Assert.Contains("read", stages);
        Assert.Contains("write", stages);
    }
}
