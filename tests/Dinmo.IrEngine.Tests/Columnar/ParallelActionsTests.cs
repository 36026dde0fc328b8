using Dinmo.IrEngine.Columnar;

namespace Dinmo.IrEngine.Tests.Columnar;

public sealed class ParallelActionsTests
{
    [Fact]
    public void SeveralFailures_TheLowestNumberedActionsErrorSurfaces_WhateverFailsFirst()
    {
        for (var round = 0; round < 5; round++)
        {
            var error = Assert.Throws<InvalidOperationException>(() => ParallelActions.Run(
            [
                () => { Thread.Sleep(50); throw new InvalidOperationException("first action"); },
                () => throw new IOException("second action, fails at once"),
            ]));
            Assert.Equal("first action", error.Message);
        }
    }

    [Fact]
    public void NoFailure_EveryActionRan()
    {
        var ran = new bool[4];
        ParallelActions.Run([.. Enumerable.Range(0, 4).Select(i => (Action)(() => ran[i] = true))]);
        Assert.All(ran, Assert.True);
    }

    [Fact]
    public void OneThread_StartsActionsInListOrder()
    {
        var started = new List<int>();
        ParallelActions.Run([.. Enumerable.Range(0, 6).Select(i => (Action)(() => started.Add(i)))], threads: 1);
        Assert.Equal([0, 1, 2, 3, 4, 5], started);
    }

    [Fact]
    public void Cancelled_ActionsNotStartedAreSkipped_WithOperationCanceled()
    {
        using var cancel = new CancellationTokenSource();
        var ran = new bool[3];
        Assert.Throws<OperationCanceledException>(() => ParallelActions.Run(
            [() => { ran[0] = true; cancel.Cancel(); }, () => ran[1] = true, () => ran[2] = true], threads: 1, cancel.Token));
        Assert.Equal([true, false, false], ran);
    }
}
