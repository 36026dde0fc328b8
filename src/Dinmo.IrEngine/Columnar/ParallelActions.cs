using System.Runtime.ExceptionServices;

namespace Dinmo.IrEngine.Columnar;

/// <summary>Runs independent stage work on the run's threads (reading models, writing tables); shared by both project types.</summary>
internal static class ParallelActions
{
    /// <summary>
    /// Runs the actions in parallel on at most <paramref name="threads"/> threads (all cores when
    /// not given). When some fail, the failure of the lowest-numbered action surfaces, as its own
    /// exception (its type decides the exit code): the same error whatever the timing, as if the
    /// actions had run one after another.
    /// </summary>
    public static void Run(Action[] actions, int threads = -1)
    {
        var errors = new Exception?[actions.Length];
        Parallel.For(0, actions.Length, new ParallelOptions { MaxDegreeOfParallelism = threads }, i =>
        {
            try
            {
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
