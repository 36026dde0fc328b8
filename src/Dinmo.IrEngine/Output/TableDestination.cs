using Dinmo.IrEngine.Config;

namespace Dinmo.IrEngine.Output;

/// <summary>
/// Where the run's tables go (the staging directory), in which format, and how many rows each
/// written chunk holds (<see cref="Tables.ChunkedTableWriter.RowsPerChunk"/> outside tests).
/// </summary>
internal sealed record TableDestination(OutputFormat Format, string Directory, int RowsPerChunk = Tables.ChunkedTableWriter.RowsPerChunk);
