using ProviderAudit.Runtime.AwsCredentials;
using ProviderAudit.Runtime.Settings;

namespace ProviderAudit.Runtime.Backends.ClaudePlatformAws;

/// <summary>
/// The one auth Claude Platform on AWS requests carry, in the official SDKs' order: skip-auth
/// (<c>CLAUDE_CODE_SKIP_ANTHROPIC_AWS_AUTH</c>), then <c>ANTHROPIC_AWS_API_KEY</c>, then SigV4 with credentials from the
/// runtime's one AWS credential chain (which caches them). First-party variables are never a CPA credential.
/// </summary>
internal sealed class ClaudePlatformAwsAuthResolver(ClaudePlatformAwsSettings settings, AwsCredentialChain chain)
{
    private readonly object _gate = new();

    // Key and skip-auth never change: one auth object, so the request client keeps one official client.
    private readonly ClaudePlatformAwsAuth? _fixed = settings.AuthMode switch
    {
        ClaudePlatformAwsAuthMode.SkipAuth => ClaudePlatformAwsAuth.None(ClaudePlatformAwsVariables.SkipAnthropicAwsAuth),
        ClaudePlatformAwsAuthMode.ApiKey => ClaudePlatformAwsAuth.ApiKey(settings.ApiKey!.Reveal(), ClaudePlatformAwsVariables.AnthropicAwsApiKey),
        _ => null,
    };

    private (AwsSessionCredentials Credentials, ClaudePlatformAwsAuth Auth)? _last;

    public AwsCredentialChain Chain => chain;

    /// <exception cref="AwsCredentialException">SigV4 mode and no AWS credential resolves.</exception>
    public async Task<ClaudePlatformAwsAuth> ResolveAsync(CancellationToken cancellationToken = default)
    {
        if (_fixed is not null)
        {
            return _fixed;
        }

        var credentials = await chain.ResolveAsync(cancellationToken).ConfigureAwait(false);
        lock (_gate)
        {
            // The same credentials give the same auth object, so the request client keeps its official client.
            if (_last is { } last && ReferenceEquals(last.Credentials, credentials))
            {
                return last.Auth;
            }

            var auth = ClaudePlatformAwsAuth.SigV4(credentials);
            _last = (credentials, auth);
            return auth;
        }
    }

    /// <summary>Drops cached credentials so the next request resolves again (after awsAuthRefresh).</summary>
    public void Invalidate() => chain.Invalidate();
}
