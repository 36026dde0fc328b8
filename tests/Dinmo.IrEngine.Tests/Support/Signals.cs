using System.Runtime.InteropServices;

namespace Dinmo.IrEngine.Tests.Support;

/// <summary>Sends POSIX signals to child processes (Process.Kill only sends SIGKILL).</summary>
internal static class Signals
{
    public const int SigTerm = 15;
    public const int SigInt = 2;
    public const int SigKill = 9;

    public static void Send(int pid, int signal)
    {
        if (kill(pid, signal) != 0) throw new InvalidOperationException($"kill({pid}, {signal}) failed: errno {Marshal.GetLastPInvokeError()}");
    }

    [DllImport("libc", SetLastError = true)]
    private static extern int kill(int pid, int sig);
}
