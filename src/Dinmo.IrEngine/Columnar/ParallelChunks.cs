namespace Dinmo.IrEngine.Columnar;

/// <summary>
/// Runs a loop over <c>[0, count)</c> in fixed chunks on up to a run's threads. Chunk boundaries
/// depend only on the count and the chunk size, never on the thread count, so work that writes each
/// item's result at its own index (or each chunk's at its own slot) gives the same result whatever
/// the threads.
/// </summary>
internal static class ParallelChunks
{
    /// <summary>The options every stage passes to <see cref="Parallel"/>: at most <paramref name="threads"/> threads (at least one).</summary>
    public static ParallelOptions Options(int threads) => new() { MaxDegreeOfParallelism = Math.Max(1, threads) };

    public static int Count(int count, int chunkSize) => (count + chunkSize - 1) / chunkSize;

    /// <summary>Calls <paramref name="body"/>(chunk, start, end) for every chunk, in parallel.</summary>
    public static void For(int count, int chunkSize, int threads, Action<int, int, int> body) =>
        Parallel.For(0, Count(count, chunkSize), Options(threads),
            chunk => body(chunk, chunk * chunkSize, Math.Min(count, (chunk + 1) * chunkSize)));
}
