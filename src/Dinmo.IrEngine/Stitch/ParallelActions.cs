using System.Runtime.ExceptionServices;

namespace Dinmo.IrEngine.Stitch;

/// <summary>Runs independent stage work on all cores (reading models, writing tables).</summary>
internal static class ParallelActions
{
    /// <summary>Runs the actions in parallel; a failure surfaces as the first failed action's own exception (its type decides the exit code).</summary>
    public static void Run(Action[] actions)
    {
        try
        {
            Parallel.Invoke(actions);
        }
        catch (AggregateException e) when (e.InnerExceptions.Count > 0)
        {
            ExceptionDispatchInfo.Capture(e.InnerExceptions[0]).Throw();
        }
    }
}
