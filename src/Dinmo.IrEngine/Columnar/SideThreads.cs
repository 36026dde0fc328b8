using System.Runtime.InteropServices;

namespace Dinmo.IrEngine.Columnar;

/// <summary>
/// Threads for work done beside a serial stage, such as the stitch loop, which leaves the run's other core to them. On
/// Linux each runs under the idle scheduling policy (<c>SCHED_IDLE</c>), so that while more threads are runnable than
/// there are cores, the serial stage keeps its core and the side work shares what is left: at 10M events the loop's
/// thread got about half a core for its first seconds, beside three side threads. Threads a side thread starts (the
/// thread pool may start a worker from whichever thread queues work) run at normal priority again
/// (<c>SCHED_RESET_ON_FORK</c>); an unprivileged thread cannot leave the idle policy, so only threads of their own get it,
/// never the pool's. Results do not depend on it; elsewhere the threads run at normal priority.
/// </summary>
internal static partial class SideThreads
{
    /// <summary>Runs <paramref name="work"/> on a new low-priority background thread; the task ends with it (its result or exception).</summary>
    public static Task<T> Start<T>(Func<T> work, string name)
    {
        var done = new TaskCompletionSource<T>(TaskCreationOptions.RunContinuationsAsynchronously);
        var thread = new Thread(() =>
        {
            LowerPriority();
            try
            {
                done.SetResult(work());
            }
            catch (Exception e)
            {
                done.SetException(e);
            }
        }) { IsBackground = true, Name = name };
        thread.Start();
        return done.Task;
    }

    /// <summary>As <see cref="Start{T}"/>, for work without a result.</summary>
    public static Task Start(Action work, string name) => Start(() =>
    {
        work();
        return true;
    }, name);

    /// <summary>Puts the calling thread under the idle policy; for a thread of its own (see the class remarks).</summary>
    private static void LowerPriority()
    {
        if (!OperatingSystem.IsLinux()) return;
        try
        {
            var none = 0; // struct sched_param: the priority, 0 for the idle policy
            _ = SetScheduler(0, SchedIdle | SchedResetOnFork, ref none); // refused: the thread keeps its priority
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
        }
    }

    // From linux/sched.h; process 0 is the calling thread.
    private const int SchedIdle = 5;
    private const int SchedResetOnFork = 0x40000000;

    [LibraryImport("libc", EntryPoint = "sched_setscheduler")]
    private static partial int SetScheduler(int process, int policy, ref int parameter);
}
