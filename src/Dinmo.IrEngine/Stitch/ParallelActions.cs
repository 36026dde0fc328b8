using System.Runtime.ExceptionServices;

namespace Dinmo.IrEngine.Stitch;

/// <summary>Runs independent stage work on all cores (reading models, writing tables).</summary>
internal static class ParallelActions
{
    /// <summary>
    /// Runs the actions in parallel. When some fail, the failure of the lowest-numbered action
    /// surfaces, as its own exception (its type decides the exit code): the same error whatever
    /// the timing, as if the actions had run one after another.
    /// </summary>
    public static void Run(Action[] actions)
    {
        var errors = new Exception?[actions.Length];
        Parallel.For(0, actions.Length, i =>
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
