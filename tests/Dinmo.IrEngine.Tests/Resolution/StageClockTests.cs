using Dinmo.IrEngine.Resolution;

namespace Dinmo.IrEngine.Tests.Resolution;

public sealed class StageClockTests
{
    [Fact]
    public void ReclaimMemory_StageReturnsItsResult_AndLargeGarbageIsCollected()
    {
        var stages = new StageClock { ReclaimMemory = true };
        WeakReference? garbage = null;

        var result = stages.Time("stage", () =>
        {
            garbage = new WeakReference(new long[1 << 20]); // dead when the stage ends
            return 42;
        });

        Assert.Equal(42, result);
        Assert.Equal("stage", Assert.Single(stages.Stages).Stage);
        Assert.False(garbage!.IsAlive);
    }

    [Fact]
    public void ReclaimMemory_AFailingStageStillThrowsAndIsTimed()
    {
        var stages = new StageClock { ReclaimMemory = true };

        Assert.Throws<InvalidOperationException>(() => stages.Time("stage", (Func<int>)(() => throw new InvalidOperationException("boom"))));
        Assert.Equal("stage", Assert.Single(stages.Stages).Stage);
    }
}
