using System.Collections.Concurrent;
using System.Runtime.ExceptionServices;

namespace Dinmo.IrEngine.Columnar;

/// <summary>Runs independent stage work on the run's threads (reading models, writing tables); shared by both project types.</summary>
internal static class ParallelActions
{
    /// <summary>
    /// Runs the actions in parallel on at most <paramref name="threads"/> threads (all cores when
    /// not given), each thread taking the next action in list order as it becomes free, so callers
    /// put the longest first. When some fail, the failure of the lowest-numbered action surfaces, as
    /// its own exception (its type decides the exit code, never an <see cref="AggregateException"/>):
    /// the same error whatever the timing, as if the actions had run one after another. An action
    /// not started when <paramref name="cancel"/> fires is skipped with <see cref="OperationCanceledException"/>.
    /// </summary>
    public static void Run(Action[] actions, int threads = -1, CancellationToken cancel = default)
    {
        var errors = new Exception?[actions.Length];
        var inOrder = Partitioner.Create(Enumerable.Range(0, actions.Length), EnumerablePartitionerOptions.NoBuffering);
        Parallel.ForEach(inOrder, new ParallelOptions { MaxDegreeOfParallelism = threads }, i =>
        {
            try
            {
                cancel.ThrowIfCancellationRequested();
                actions[i]();
            }
            catch (Exception error)
            {
                errors[i] = error;
            }
        });
        foreach (var error in errors)
        {
            if (error is not null) ExceptionDispatchInfo.Capture(error).Throw();
        }
    }
}
