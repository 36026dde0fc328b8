using System.Runtime.InteropServices;
using Dinmo.IrEngine.Columnar;
using Dinmo.IrEngine.Tests.Support;

namespace Dinmo.IrEngine.Tests.Columnar;

public sealed partial class SideThreadsTests
{
    [Fact]
    public async Task Start_GivesTheWorksResult_OnAThreadOfItsOwn()
    {
        var caller = Environment.CurrentManagedThreadId;
        var (result, thread, name) = await SideThreads.Start(() => (42, Environment.CurrentManagedThreadId, Thread.CurrentThread.Name), "irengine test side");
        Assert.Equal(42, result);
        Assert.NotEqual(caller, thread);
        Assert.Equal("irengine test side", name);
    }

    [Fact]
    public async Task Start_AFailingWork_FailsTheTaskWithItsException()
    {
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => SideThreads.Start((Action)(() => throw new InvalidOperationException("side work failed")), "irengine test side"));
        Assert.Equal("side work failed", error.Message);
    }

    [LinuxFact]
    public void Start_RunsUnderTheIdlePolicy_WhileTheCallerAndTheThreadsItStartsDoNot()
    {
        var caller = Policy();
        var (side, started) = SideThreads.Start(() =>
        {
            var policy = Policy();
            var child = 0;
            var thread = new Thread(() => child = Policy());
            thread.Start();
            thread.Join();
            return (policy, child);
        }, "irengine test side").GetAwaiter().GetResult();

        Assert.Equal(SchedIdle, side);
        Assert.Equal(SchedOther, caller);
        Assert.Equal(SchedOther, Policy());
        Assert.Equal(SchedOther, started);
    }

    private const int SchedOther = 0;
    private const int SchedIdle = 5;

    // The calling thread's scheduling policy, without the reset-on-fork flag.
    private static int Policy() => GetScheduler(0) & ~0x40000000;

    [LibraryImport("libc", EntryPoint = "sched_getscheduler")]
    private static partial int GetScheduler(int process);
}
