using Amazon.Runtime;

namespace ProviderAudit.Runtime.AwsCredentials;

/// <summary>One AWS credential source the chain chose: what it is, which setting names it, how to fix it, and how to fetch.</summary>
internal abstract class AwsCredentialProvider(AwsCredentialSource source, string setting, string fix)
{
    public AwsCredentialSource Source { get; } = source;

    /// <summary>The variable or setting a failure of this source is about.</summary>
    public string Setting { get; } = setting;

    /// <summary>What to do when this source fails, as a sentence.</summary>
    public string Fix { get; } = fix;

    /// <summary>Which of the chain's deadlines bounds a fetch.</summary>
    public virtual AwsCredentialDeadline Deadline => Source.Kind is AwsCredentialSourceKind.Container or AwsCredentialSourceKind.InstanceMetadata
        ? AwsCredentialDeadline.Metadata
        : AwsCredentialDeadline.Network;

    public abstract Task<AwsSessionCredentials> FetchAsync(CancellationToken cancellationToken);

    /// <summary>Forget anything cached (after awsAuthRefresh, or credentials the service stopped accepting).</summary>
    public virtual void Invalidate()
    {
    }
}

/// <summary>Which deadline the chain puts on a source's fetch.</summary>
internal enum AwsCredentialDeadline
{
    /// <summary>None from the chain: a host command with its own timeout.</summary>
    None,
    /// <summary>The overall deadline (STS, SSO portal, <c>credential_process</c>, files).</summary>
    Network,
    /// <summary>The shorter one for link-local endpoints (container credentials, EC2 instance metadata).</summary>
    Metadata,
}

/// <summary>Keys given directly (environment keys, <c>credential_source = Environment</c>): nothing to fetch.</summary>
internal sealed class FixedKeysProvider(AwsCredentialSource source, string setting, AwsSessionCredentials credentials)
    : AwsCredentialProvider(source, setting, "Check AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY and AWS_SESSION_TOKEN.")
{
    public override Task<AwsSessionCredentials> FetchAsync(CancellationToken cancellationToken) => Task.FromResult(credentials);
}

/// <summary>The host's <c>awsCredentialExport</c> command.</summary>
internal sealed class ExportCommandProvider(AwsCredentialExportSource export)
    : AwsCredentialProvider(new AwsCredentialSource(AwsCredentialSourceKind.CredentialExportCommand, "awsCredentialExport command (settings)"),
        "awsCredentialExport", "Run the awsCredentialExport command yourself to see why, or fix the setting.")
{
    public override AwsCredentialDeadline Deadline => AwsCredentialDeadline.None;

    public override Task<AwsSessionCredentials> FetchAsync(CancellationToken cancellationToken) => export.GetAsync(cancellationToken);

    public override void Invalidate() => export.Invalidate();
}

/// <summary>
/// A source AWSSDK.Core resolves (profiles of every kind, assume-role, web identity, SSO, <c>credential_process</c>,
/// container, instance metadata). The SDK object is made once and kept, so its own refresh state lives as long as the chain.
/// </summary>
internal sealed class SdkCredentialsProvider(AwsCredentialSource source, string setting, string fix, Func<AWSCredentials> create, AwsCredentialDeadline? deadline = null)
    : AwsCredentialProvider(source, setting, fix)
{
    /// <inheritdoc />
    public override AwsCredentialDeadline Deadline => deadline ?? base.Deadline;

    private readonly object _gate = new();
    private AWSCredentials? _credentials;

    public override async Task<AwsSessionCredentials> FetchAsync(CancellationToken cancellationToken)
    {
        AWSCredentials credentials;
        lock (_gate)
        {
            credentials = _credentials ??= create();
        }

        if (credentials is RefreshingAWSCredentials refreshing)
        {
            // One expiry margin: the SDK renews exactly when the chain's cache lets go.
            refreshing.PreemptExpiryTime = AwsCredentialChain.ExpiryMargin;
        }

        // A credential_process run takes the caller's cancellation from here (the SDK's API has no token parameter).
        CredentialProcessCredentials.Cancellation.Value = cancellationToken;
        var immutable = await credentials.GetCredentialsAsync().WaitAsync(cancellationToken).ConfigureAwait(false);
        if (immutable is null || string.IsNullOrEmpty(immutable.AccessKey) || string.IsNullOrEmpty(immutable.SecretKey))
        {
            throw new AwsCredentialException(AwsCredentialProblem.Invalid, Setting,
                $"{Source.Description} gave no access key id and secret access key. {Fix}");
        }

        DateTimeOffset? expiration = credentials.Expiration is { } at && at != DateTime.MaxValue ? new DateTimeOffset(DateTime.SpecifyKind(at, DateTimeKind.Utc)) : null;
        return new AwsSessionCredentials(immutable.AccessKey, immutable.SecretKey, immutable.UseToken ? immutable.Token : null, expiration, Source.Description);
    }

    public override void Invalidate()
    {
        lock (_gate)
        {
            (_credentials as RefreshingAWSCredentials)?.ClearCredentials();
        }
    }
}

/// <summary>
/// Defers making an SDK credentials object whose constructor already talks to the network
/// (<see cref="InstanceProfileAWSCredentials"/> asks IMDS for the role name), so describing the chain never does.
/// </summary>
internal sealed class DeferredAwsCredentials(Func<AWSCredentials> create) : AWSCredentials
{
    private readonly Lazy<AWSCredentials> _inner = new(create);

    public override ImmutableCredentials GetCredentials() => _inner.Value.GetCredentials();

    public override Task<ImmutableCredentials> GetCredentialsAsync() => _inner.Value.GetCredentialsAsync();
}
