using ProviderAudit.Runtime.Processes;
using ProviderAudit.Runtime.Secrets;
using ProviderAudit.Runtime.Settings;

namespace ProviderAudit.Runtime.AwsCredentials;

/// <summary>
/// Runs the host's <c>awsAuthRefresh</c> command (e.g. <c>aws sso login --profile cc</c>) when AWS
/// credentials are missing or expired, at most once per failure wave: concurrent callers share the run
/// in flight, a caller whose credentials predate a finished run does not start another one, and across
/// processes the machine-wide <see cref="AwsAuthRefreshLock"/> lets one process run it while the others wait
/// (bounded) and then re-read the credentials it wrote. Output goes to the user through a callback; standard
/// input is closed; the run is bounded by a timeout and owned (<see cref="SystemProcessRunner"/>).
/// </summary>
internal sealed class AwsAuthRefreshCoordinator
{
    /// <summary>"Run `cmd`" when settings configure an <c>awsAuthRefresh</c> command: the action status offers for missing or expired AWS credentials.</summary>
    public static IReadOnlyList<string> Actions(HostSettings settings) =>
        settings.AwsAuthRefresh is { } command ? [$"Run `{command}`"] : [];

    private const int MessageTailLines = 5;

    private readonly string _command;
    private readonly IReadOnlyDictionary<string, string> _environment;
    private readonly IProcessRunner _runner;
    private readonly TimeSpan _timeout;
    private readonly Action<string>? _onOutputLine;
    private readonly SecretScrubber _redaction;
    private readonly string? _lockPath;
    private readonly TimeSpan _lockWait;
    private readonly TimeProvider _clock;
    private readonly object _gate = new();
    private Task<AwsAuthRefreshOutcome>? _inFlight;
    private AwsAuthRefreshOutcome? _last;
    private long _epoch;
    private int _runs;

    /// <summary>Creates a coordinator for one configured command.</summary>
    /// <param name="command">The <c>awsAuthRefresh</c> command line.</param>
    /// <param name="environment">The environment the command runs with (the runtime's, not this process's).</param>
    /// <param name="runner">Runs the command.</param>
    /// <param name="timeout">How long it may run (an SSO login waits for a browser, so minutes, not seconds).</param>
    /// <param name="onOutputLine">Shows each output line to the user (redacted), or null.</param>
    /// <param name="lockPath">The machine-wide lock file (<see cref="AwsAuthRefreshLock.PathFor"/>), or null for none.</param>
    /// <param name="lockWait">How long to wait for another process's run (default: this run's own timeout, plus a minute).</param>
    /// <param name="clock">The clock refreshes are stamped with.</param>
    public AwsAuthRefreshCoordinator(
        string command,
        IReadOnlyDictionary<string, string> environment,
        IProcessRunner runner,
        TimeSpan timeout,
        Action<string>? onOutputLine = null,
        string? lockPath = null,
        TimeSpan? lockWait = null,
        TimeProvider? clock = null)
    {
        _lockPath = lockPath;
        _lockWait = lockWait ?? timeout + TimeSpan.FromMinutes(1);
        _clock = clock ?? TimeProvider.System;
        ArgumentException.ThrowIfNullOrWhiteSpace(command);
        _command = command.Trim();
        _environment = environment;
        _runner = runner;
        _timeout = timeout;
        _onOutputLine = onOutputLine;
        _redaction = SecretScrubber.For(environment);
    }

    /// <summary>The configured command.</summary>
    public string Command => _command;

    /// <summary>
    /// Counts finished runs. Read it before resolving credentials and pass it to <see cref="RefreshAsync"/>
    /// when they fail, so a failure that a later run already answered does not run the command again.
    /// </summary>
    public long Epoch => Interlocked.Read(ref _epoch);

    /// <summary>How many times the command was started (by this coordinator).</summary>
    public int Runs => Volatile.Read(ref _runs);

    /// <summary>Redacts <paramref name="secrets"/> (a request's credentials) from the command's output from now on.</summary>
    public void RedactSecrets(params string?[] secrets)
    {
        foreach (var secret in secrets)
        {
            _redaction.Add(secret);
        }
    }

    /// <summary>Raised after a successful run, before <see cref="Epoch"/> moves on (credential caches drop their entries here).</summary>
    public event Action? Refreshed;

    /// <summary>The coordinator's clock: read it with <see cref="Epoch"/>, before resolving credentials.</summary>
    public DateTimeOffset Now => _clock.GetUtcNow();

    /// <summary>
    /// Runs the command unless a run is in flight (then joins it) or a run finished after
    /// <paramref name="observedEpoch"/> (then returns that run's outcome at once). <paramref name="observedAt"/> is when
    /// the failing credentials were read (<see cref="Now"/>, taken with the epoch): a run another process finished after
    /// it answers this failure too.
    /// </summary>
    public Task<AwsAuthRefreshOutcome> RefreshAsync(long observedEpoch, CancellationToken cancellationToken = default, DateTimeOffset? observedAt = null)
    {
        Task<AwsAuthRefreshOutcome> task;
        lock (_gate)
        {
            if (_inFlight is not null)
            {
                task = _inFlight;
            }
            else if (observedEpoch < _epoch && _last is not null)
            {
                return Task.FromResult(_last);
            }
            else
            {
                // The shared run is not tied to any one caller's cancellation; the timeout bounds it.
                task = _inFlight = RunAsync(observedAt ?? _clock.GetUtcNow());
            }
        }

        return task.WaitAsync(cancellationToken);
    }

    private async Task<AwsAuthRefreshOutcome> RunAsync(DateTimeOffset requestedAt)
    {
        await Task.Yield();
        AwsAuthRefreshLock? machineLock = null;
        try
        {
            if (_lockPath is not null)
            {
                try
                {
                    machineLock = await AwsAuthRefreshLock.AcquireAsync(_lockPath, _lockWait, CancellationToken.None).ConfigureAwait(false);
                    if (machineLock is null)
                    {
                        return Finish(false, $"awsAuthRefresh `{_command}` is already running in another process (it holds {DisplayText.Quote(_lockPath)}) and did not finish "
                            + $"within {_lockWait.TotalSeconds:0} s; its sign-in may be waiting for you in a browser. Finish it, then retry.");
                    }

                    if (machineLock.LastRefresh is { } last && last >= requestedAt)
                    {
                        // Another process refreshed after our credentials failed: read what it wrote instead of asking again.
                        return Finish(true, $"awsAuthRefresh `{_command}` was run by another process at {last.UtcDateTime:HH:mm:ss}Z; its credentials are used.");
                    }
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    // No lock directory we may write to: refresh without the machine-wide lock.
                    machineLock = null;
                }
            }

            var outcome = await RunCommandAsync().ConfigureAwait(false);
            if (outcome.Succeeded)
            {
                machineLock?.Stamp(_clock.GetUtcNow());
            }

            return outcome;
        }
        finally
        {
            machineLock?.Dispose();
        }
    }

    private AwsAuthRefreshOutcome Finish(bool succeeded, string message)
    {
        if (succeeded)
        {
            Refreshed?.Invoke();
        }

        lock (_gate)
        {
            _epoch++;
            var outcome = _last = new AwsAuthRefreshOutcome(succeeded, _redaction.Apply(message), _epoch);
            _inFlight = null;
            return outcome;
        }
    }

    private async Task<AwsAuthRefreshOutcome> RunCommandAsync()
    {
        Interlocked.Increment(ref _runs);
        ProcessRunResult result;
        try
        {
            result = await _runner.RunAsync(
                new ProcessCommand(_command, _environment, _timeout, line => _onOutputLine?.Invoke(_redaction.Apply(line))),
                CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            result = new ProcessRunResult(null, false, "", [], e.Message);
        }

        if (result.Succeeded)
        {
            return Finish(true, $"awsAuthRefresh `{_command}` completed.");
        }

        var what = result.Failure(_timeout);
        var tail = result.OutputTail.Skip(Math.Max(0, result.OutputTail.Count - MessageTailLines)).Select(_redaction.Apply).ToList();
        return Finish(false,
            $"awsAuthRefresh `{_command}` {what}." +
            (tail.Count > 0 ? " Last output: " + string.Join(" | ", tail) : " It printed nothing.") +
            " Run it yourself to see the full output, then retry.");
    }
}
