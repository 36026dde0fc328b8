using Dinmo.IrEngine.Errors;

namespace Dinmo.IrEngine.Ingest;

/// <summary>
/// Turns what third-party readers throw on corrupt or truncated files (InvalidDataException,
/// IOException, ParquetException, index errors from a bad flatbuffer…) into an
/// <see cref="InputException"/> naming the file, so no raw exception escapes ingest.
/// </summary>
internal static class ReadFailure
{
    /// <summary>True for exceptions that mean "this file cannot be read", not engine bugs we must surface as-is.</summary>
    public static bool IsCorruption(Exception e) =>
        e is not IrEngineException and not OutOfMemoryException and not OperationCanceledException;

    /// <summary>A corrupt file; <paramref name="batch"/> counts from the start of <paramref name="part"/> when the read covers part of the file.</summary>
    public static InputException Corrupt(string what, string file, Exception inner, long? batch = null, string? part = null)
    {
        var where = (batch is null ? "" : $" in batch {batch}") + (part is null ? "" : $" of {part}");
        return new InputException(
            Throw.Located($"cannot read {what}{where}: {inner.Message}; the file is corrupt or truncated", file, null, null, null),
            inner);
    }
}
