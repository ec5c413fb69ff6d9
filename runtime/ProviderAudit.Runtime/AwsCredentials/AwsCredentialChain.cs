using ProviderAudit.Runtime.Processes;
using ProviderAudit.Runtime.Requests;
using ProviderAudit.Runtime.Secrets;
using ProviderAudit.Runtime.Settings;

namespace ProviderAudit.Runtime.AwsCredentials;

/// <summary>How the chain runs host commands, tells time, sees files and bounds network sources.</summary>
internal sealed record AwsCredentialChainOptions
{
    public static AwsCredentialChainOptions Default { get; } = new();

    public IProcessRunner ProcessRunner { get; init; } = new SystemProcessRunner();

    public TimeProvider Clock { get; init; } = TimeProvider.System;

    public TimeSpan CredentialExportTimeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>The overall deadline for one resolution from a network source (STS, SSO, container, IMDS).</summary>
    public TimeSpan ResolutionTimeout { get; init; } = AwsCredentialChain.DefaultResolutionTimeout;

    /// <summary>The deadline for container credentials and instance metadata, within <see cref="ResolutionTimeout"/>.</summary>
    public TimeSpan MetadataResolutionTimeout { get; init; } = AwsCredentialChain.DefaultMetadataResolutionTimeout;

    public Func<string, bool> FileExists { get; init; } = File.Exists;

    public static AwsCredentialChainOptions From(RequestClientOptions options, Func<string, bool>? fileExists = null) => new()
    {
        ProcessRunner = options.ProcessRunner,
        Clock = options.Clock,
        CredentialExportTimeout = options.CredentialExportTimeout,
        ResolutionTimeout = options.CredentialResolutionTimeout,
        MetadataResolutionTimeout = options.MetadataCredentialResolutionTimeout,
        FileExists = fileExists ?? File.Exists,
    };
}

/// <summary>
/// The one AWS credential chain, shared by Bedrock and Claude Platform on AWS. <see cref="Describe"/> says which source
/// would be used (status, validation; no network); <see cref="ResolveAsync"/> resolves exactly that source (requests),
/// so the two cannot disagree. Resolved credentials are cached until <see cref="ExpiryMargin"/> before they expire
/// (the SDK objects behind the sources renew at the same margin); concurrent callers share one resolution; a network
/// source has an overall deadline; every failure is an <see cref="AwsCredentialException"/> naming the setting and fix.
/// </summary>
internal sealed class AwsCredentialChain
{
    /// <summary>How long before expiry credentials are renewed: the one margin of every AWS credential cache here.</summary>
    public static readonly TimeSpan ExpiryMargin = TimeSpan.FromMinutes(5);

    /// <summary>Default deadline for one resolution from a network source.</summary>
    public static readonly TimeSpan DefaultResolutionTimeout = TimeSpan.FromSeconds(10);

    /// <summary>
    /// Default deadline for container credentials and EC2 instance metadata: one request timeout of AWSSDK.Core's own
    /// IMDS client (<c>EC2InstanceMetadata</c>, 5 s a request). These endpoints are link-local and answer in milliseconds
    /// where they exist; elsewhere nothing answers, and the SDK alone would retry for ~16 s (IMDS) or minutes (container).
    /// </summary>
    public static readonly TimeSpan DefaultMetadataResolutionTimeout = TimeSpan.FromSeconds(5);

    private const int MaxDetailLength = 300;

    private readonly IReadOnlyDictionary<string, string> _environment;
    private readonly HostSettings _settings;
    private readonly AwsCredentialChainOptions _options;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly object _planGate = new();
    private AwsCredentialPlan? _plan;
    private volatile AwsSessionCredentials? _cached;
    private int _resolutions;

    public AwsCredentialChain(IReadOnlyDictionary<string, string> environment, HostSettings settings, AwsCredentialChainOptions? options = null)
    {
        _environment = environment;
        _settings = settings;
        _options = options ?? AwsCredentialChainOptions.Default;
    }

    /// <summary>How many times a source was asked (cache misses).</summary>
    public int Resolutions => Volatile.Read(ref _resolutions);

    /// <summary>Which source would be used, or what stops the chain. Reads files, never the network.</summary>
    public AwsCredentialPlan Describe()
    {
        lock (_planGate)
        {
            return _plan ??= new AwsCredentialPlanner(_environment, _settings, _options).Plan();
        }
    }

    /// <summary>The credentials of the described source, from the cache while they are fresh.</summary>
    /// <exception cref="AwsCredentialException">No source, a misconfigured one, a refusal, an unreachable endpoint, or expired credentials.</exception>
    public async Task<AwsSessionCredentials> ResolveAsync(CancellationToken cancellationToken = default)
    {
        if (_cached is { } cached && IsFresh(cached))
        {
            return cached;
        }

        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_cached is { } again && IsFresh(again))
            {
                return again;
            }

            var plan = Describe();
            if (plan.Problems.Count > 0)
            {
                throw new AwsCredentialException(AwsCredentialProblem.Invalid, plan.Problems[0].Variable, Scrub(plan.Problems[0].Message));
            }

            var provider = plan.Provider ?? throw new AwsCredentialException(AwsCredentialProblem.Missing, AwsVariables.AwsProfile,
                "No AWS credentials: set AWS_PROFILE (e.g. an SSO profile), AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, "
                + "AWS_WEB_IDENTITY_TOKEN_FILE and AWS_ROLE_ARN, or the awsCredentialExport setting." + plan.LookedAt);
            Interlocked.Increment(ref _resolutions);
            var credentials = await FetchAsync(provider, cancellationToken).ConfigureAwait(false);
            if (!IsFresh(credentials))
            {
                throw new AwsCredentialException(AwsCredentialProblem.Expired, provider.Setting,
                    $"The AWS credentials from {provider.Source.Description} expire at {credentials.Expiration:u} (within {ExpiryMargin.TotalMinutes:0} minutes) "
                    + "or already have: sign in again (e.g. `aws sso login`), or configure awsAuthRefresh to do it.");
            }

            _cached = credentials;
            return credentials;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Forgets the cached credentials and the plan (after awsAuthRefresh, or credentials the service stopped accepting).</summary>
    public void Invalidate()
    {
        _cached = null;
        lock (_planGate)
        {
            _plan?.Provider?.Invalidate();
            _plan = null;
        }
    }

    /// <summary>An exception's message for a person: its first line, capped, without stack traces or type names.</summary>
    public static string Explain(Exception exception)
    {
        // The SDK wraps the service's own words (e.g. STS AccessDenied) in a generic "Error calling AssumeRole": keep both.
        var lines = new List<string>();
        for (var current = exception; current is not null && lines.Count < 3; current = current.InnerException)
        {
            var line = current.Message.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault();
            if (!string.IsNullOrEmpty(line) && !line.StartsWith("Exception of type ", StringComparison.Ordinal)
                && !lines.Any(l => l.Contains(line.TrimEnd('.'), StringComparison.Ordinal)))
            {
                lines.Add(line.TrimEnd('.'));
            }
        }

        var text = lines.Count == 0 ? exception.GetType().Name : string.Join(": ", lines);
        text = new string(text.Select(c => char.IsControl(c) ? ' ' : c).ToArray());

        // AWSSDK quotes the offending line of a file it cannot parse ("Line 3:<…>"); that line may be a secret.
        text = System.Text.RegularExpressions.Regex.Replace(text, @"(Line \d+:).*", "$1 (its content is not shown)");
        return (text.Length > MaxDetailLength ? text[..MaxDetailLength] + "…" : text) + ".";
    }

    private async Task<AwsSessionCredentials> FetchAsync(AwsCredentialProvider provider, CancellationToken cancellationToken)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var timeout = DeadlineFor(provider);
        if (timeout is { } after)
        {
            deadline.CancelAfter(after);
        }

        try
        {
            // The SDK's own calls are not all cancellable: the wait is, and an abandoned call ends on its own timeouts.
            return await Task.Run(() => provider.FetchAsync(deadline.Token), CancellationToken.None).WaitAsync(deadline.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new AwsCredentialException(AwsCredentialProblem.Unavailable, provider.Setting,
                Scrub($"{provider.Source.Description} did not answer within {timeout?.TotalSeconds:0.#} s. {provider.Fix}"));
        }
        catch (AwsCredentialException)
        {
            throw;
        }
        catch (Exception e) when (e is not (OperationCanceledException or OutOfMemoryException))
        {
            var detail = Explain(e);
            var expired = detail.Contains("expired", StringComparison.OrdinalIgnoreCase) || detail.Contains("No valid SSO Token", StringComparison.OrdinalIgnoreCase)
                || e is Amazon.Runtime.AmazonServiceException { StatusCode: System.Net.HttpStatusCode.Unauthorized };
            throw new AwsCredentialException(
                expired ? AwsCredentialProblem.Expired : AwsCredentialProblem.Unavailable,
                provider.Setting,
                Scrub($"{provider.Source.Description} did not yield AWS credentials: {detail} {provider.Fix}"),
                e);
        }
    }

    // A host command has its own timeout. Container and instance metadata endpoints are link-local: a shorter wait
    // only shortens "not ready" where there is no such endpoint. The overall deadline bounds them too.
    private TimeSpan? DeadlineFor(AwsCredentialProvider provider) => provider.Deadline switch
    {
        AwsCredentialDeadline.Network => _options.ResolutionTimeout,
        AwsCredentialDeadline.Metadata => _options.MetadataResolutionTimeout < _options.ResolutionTimeout ? _options.MetadataResolutionTimeout : _options.ResolutionTimeout,
        _ => null,
    };

    private bool IsFresh(AwsSessionCredentials credentials) => !credentials.ExpiresWithin(ExpiryMargin, _options.Clock.GetUtcNow());

    private string Scrub(string text) => SecretScrubber.Scrub(text, _environment);
}
