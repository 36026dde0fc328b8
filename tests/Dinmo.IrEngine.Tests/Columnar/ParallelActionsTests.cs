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
}
