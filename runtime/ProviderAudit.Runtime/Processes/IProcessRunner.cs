namespace ProviderAudit.Runtime.Processes;

/// <summary>Runs a host-configured command (<c>awsAuthRefresh</c>, <c>awsCredentialExport</c>).</summary>
public interface IProcessRunner
{
    /// <summary>
    /// Runs <paramref name="command"/> to completion or until its timeout; a run cut short (timeout, cancellation, too
    /// much output) kills every process the command started. Never throws for a failing command: the result says what
    /// happened (cancellation throws <see cref="OperationCanceledException"/> after the kill).
    /// </summary>
    Task<ProcessRunResult> RunAsync(ProcessCommand command, CancellationToken cancellationToken = default);
}

/// <summary>A command line to run through the platform shell.</summary>
/// <param name="CommandLine">The command as configured, e.g. <c>aws sso login --profile cc</c>.</param>
/// <param name="Environment">The complete environment of the child (nothing is inherited from this process).</param>
/// <param name="Timeout">How long it may run before it is killed.</param>
/// <param name="OnOutputLine">Called with each line of standard output and error as it arrives, or null.</param>
public sealed record ProcessCommand(
    string CommandLine,
    IReadOnlyDictionary<string, string> Environment,
    TimeSpan Timeout,
    Action<string>? OnOutputLine = null);

/// <summary>What a command did.</summary>
/// <param name="ExitCode">Its exit code, or null when it did not start or was killed.</param>
/// <param name="TimedOut">True when it was killed after its timeout.</param>
/// <param name="StandardOutput">Everything it wrote to standard output.</param>
/// <param name="OutputTail">The last lines of standard output and error together, in arrival order.</param>
/// <param name="StartError">Why it could not be started, or null.</param>
public sealed record ProcessRunResult(
    int? ExitCode,
    bool TimedOut,
    string StandardOutput,
    IReadOnlyList<string> OutputTail,
    string? StartError = null)
{
    /// <summary>True when it printed more than the runner reads (the runner then stopped it).</summary>
    public bool OutputLimitExceeded { get; init; }

    /// <summary>True when it ran to completion with exit code 0.</summary>
    public bool Succeeded => !TimedOut && !OutputLimitExceeded && StartError is null && ExitCode == 0;

    /// <summary>What went wrong, as the end of a sentence ("failed with exit code 2"); null when it succeeded.</summary>
    public string? Failure(TimeSpan timeout) =>
        Succeeded ? null
        : StartError is not null ? $"could not be started ({StartError})"
        : TimedOut ? $"did not finish within {timeout.TotalSeconds:0.#} s and was stopped with every process it started"
        : OutputLimitExceeded ? "printed more output than is read and was stopped with every process it started"
        : $"failed with exit code {ExitCode}";
}
