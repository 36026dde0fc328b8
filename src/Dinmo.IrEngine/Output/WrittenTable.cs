namespace Dinmo.IrEngine.Output;

/// <summary>One output table as written: its name, the file path and the number of rows (for the run summary).</summary>
internal sealed record WrittenTable(string Table, string File, long Rows);
