using System.Runtime.InteropServices;

namespace ProviderAudit.Cli.Commands;

/// <summary>
/// Ctrl-C (SIGINT) and SIGTERM as a cancellation the commands honour at safe points (between files when writing),
/// instead of System.CommandLine's handler, which ends the process after a timeout wherever it is. The exit code
/// says which signal it was: 130 or 143.
/// </summary>
internal sealed class Interruption : IDisposable
{
    private readonly List<PosixSignalRegistration> _registrations = [];

    public Interruption()
    {
        foreach (var signal in new[] { PosixSignal.SIGINT, PosixSignal.SIGTERM })
        {
            _registrations.Add(PosixSignalRegistration.Create(signal, context =>
            {
                // Keep the process alive: the command stops at its next safe point and reports what it did.
                context.Cancel = true;
                Request(context.Signal == PosixSignal.SIGTERM ? ExitCodes.Terminated : ExitCodes.Interrupted);
            }));
        }
    }

    public CancellationTokenSource Source { get; } = new();

    public CancellationToken Token => Source.Token;

    /// <summary>The exit code for the signal received (130 when cancelled by the test hook).</summary>
    public int ExitCode { get; private set; } = ExitCodes.Interrupted;

    public void Request(int exitCode)
    {
        if (!Source.IsCancellationRequested)
        {
            ExitCode = exitCode;
        }

        Source.Cancel();
    }

    public void Dispose()
    {
        foreach (var registration in _registrations)
        {
            registration.Dispose();
        }

        Source.Dispose();
    }
}
