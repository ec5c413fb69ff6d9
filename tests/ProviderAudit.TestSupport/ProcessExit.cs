using System.Diagnostics;

namespace ProviderAudit.TestSupport;

/// <summary>Waiting for a child a test expects to end: bounded, so one that never ends fails its test instead of holding the run.</summary>
public static class ProcessExit
{
    /// <summary>True when <paramref name="process"/> exits within <paramref name="bound"/>; otherwise kills its tree and returns false.</summary>
    public static async Task<bool> WithinAsync(Process process, TimeSpan bound)
    {
        using var deadline = new CancellationTokenSource(bound);
        try
        {
            await process.WaitForExitAsync(deadline.Token);
            return true;
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            return false;
        }
    }
}
