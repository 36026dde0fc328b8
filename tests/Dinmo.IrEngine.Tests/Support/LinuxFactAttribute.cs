namespace Dinmo.IrEngine.Tests.Support;

/// <summary>A test of behaviour only Linux has (memory advice, thread priorities): reported as skipped elsewhere.</summary>
public sealed class LinuxFactAttribute : FactAttribute
{
    public LinuxFactAttribute()
    {
        if (!OperatingSystem.IsLinux()) Skip = "Linux only";
    }
}
