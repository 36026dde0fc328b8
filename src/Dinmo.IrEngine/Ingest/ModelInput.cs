using Apache.Arrow;
using Dinmo.IrEngine.Config;

namespace Dinmo.IrEngine.Ingest;

/// <summary>One model's input: its schema (known before any data is read) and its batches, file by file.</summary>
internal sealed record ModelInput(ModelConfig Model, Schema Schema, IEnumerable<SourceBatch> Batches);

/// <summary>A batch and the file it came from (for error messages naming file and row).</summary>
internal readonly record struct SourceBatch(string File, RecordBatch Batch);
