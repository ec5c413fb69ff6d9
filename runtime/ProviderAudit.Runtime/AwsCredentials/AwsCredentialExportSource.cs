using ProviderAudit.Runtime.Processes;
using ProviderAudit.Runtime.Secrets;

namespace ProviderAudit.Runtime.AwsCredentials;

/// <summary>
/// Runs the host's <c>awsCredentialExport</c> command silently (its output is credentials), parses it,
/// and keeps the result until five minutes before its <c>Expiration</c>. Concurrent callers share one run.
/// </summary>
internal sealed class AwsCredentialExportSource
{
    private readonly string _command;
    private readonly IReadOnlyDictionary<string, string> _environment;
    private readonly IProcessRunner _runner;
    private readonly TimeProvider _clock;
    private readonly TimeSpan _timeout;
    private readonly SecretScrubber _redaction;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private AwsSessionCredentials? _cached;
    private int _runs;

    /// <summary>Creates the source for one configured command.</summary>
    public AwsCredentialExportSource(
        string command,
        IReadOnlyDictionary<string, string> environment,
        IProcessRunner runner,
        TimeProvider? clock = null,
        TimeSpan? timeout = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(command);
        _command = command.Trim();
        _environment = environment;
        _runner = runner;
        _clock = clock ?? TimeProvider.System;
        _timeout = timeout ?? TimeSpan.FromSeconds(60);
        _redaction = SecretScrubber.For(environment);
    }

    /// <summary>How many times the command was run.</summary>
    public int Runs => Volatile.Read(ref _runs);

    /// <summary>The credentials, from the cache while they have more than five minutes left.</summary>
    /// <exception cref="AwsCredentialException">The command failed, timed out, or printed something unusable.</exception>
    public async Task<AwsSessionCredentials> GetAsync(CancellationToken cancellationToken = default)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_cached is { } cached && IsFresh(cached))
            {
                return cached;
            }

            Interlocked.Increment(ref _runs);
            var result = await _runner.RunAsync(new ProcessCommand(_command, _environment, _timeout), cancellationToken).ConfigureAwait(false);
            if (result.Failure(_timeout) is { } what)
            {

                // Only standard error is worth showing, and only redacted; standard output may be credentials.
                throw new AwsCredentialException(AwsCredentialProblem.Invalid, "awsCredentialExport",
                    _redaction.Apply($"The awsCredentialExport command `{_command}` {what}. Run it yourself to see why, or fix the awsCredentialExport setting."));
            }

            var credentials = AwsCredentialExportParser.Parse(result.StandardOutput);
            if (!IsFresh(credentials))
            {
                throw new AwsCredentialException(AwsCredentialProblem.Expired, "awsCredentialExport",
                    $"The awsCredentialExport command printed credentials that expire at {credentials.Expiration:u} (within {AwsCredentialChain.ExpiryMargin.TotalMinutes:0} minutes); renew the session it exports from.");
            }

            _cached = credentials;
            return credentials;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Forgets the cached credentials (after a refresh, or a 401 that says they stopped working).</summary>
    public void Invalidate() => _cached = null;

    private bool IsFresh(AwsSessionCredentials credentials) =>
        credentials.Expiration is not { } expiration || expiration - AwsCredentialChain.ExpiryMargin > _clock.GetUtcNow();
}
