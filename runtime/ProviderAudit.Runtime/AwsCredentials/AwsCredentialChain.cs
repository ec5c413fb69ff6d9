namespace ProviderAudit.Runtime.Aws;

/// <summary>
/// The default AWS credential chain, read from the runtime's environment dictionary: the host's
/// <c>awsCredentialExport</c> command when configured (as in Claude Code it replaces the chain), else
/// <c>AWS_ACCESS_KEY_ID</c>/<c>AWS_SECRET_ACCESS_KEY</c> (+ <c>AWS_SESSION_TOKEN</c>), else <c>AWS_PROFILE</c>,
/// else the <c>default</c> profile. Shared by Claude Platform on AWS and Bedrock.
/// </summary>
public static class AwsCredentialChain
{
    /// <summary>The credentials, or null when no source holds any.</summary>
    /// <exception cref="CpaCredentialException">A source is misconfigured, or its credentials expired.</exception>
    public static async Task<AwsSessionCredentials?> ResolveAsync(
        IReadOnlyDictionary<string, string> environment,
        AwsCredentialExportSource? credentialExport,
        TimeProvider clock,
        CancellationToken cancellationToken = default)
    {
        if (credentialExport is not null)
        {
            return await credentialExport.GetAsync(cancellationToken).ConfigureAwait(false);
        }

        if (KeyPair(Value(environment, "AWS_ACCESS_KEY_ID"), Value(environment, "AWS_SECRET_ACCESS_KEY"), Value(environment, "AWS_SESSION_TOKEN"),
                "AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "environment keys (AWS_ACCESS_KEY_ID)") is { } environmentKeys)
        {
            return Fresh(environmentKeys, "AWS_ACCESS_KEY_ID", clock);
        }

        if (Value(environment, "AWS_PROFILE") is { } profile)
        {
            var fromProfile = await AwsProfileCredentialResolver.ResolveAsync(profile, "AWS_PROFILE", environment, true, cancellationToken).ConfigureAwait(false);
            return Fresh(fromProfile!, "AWS_PROFILE", clock);
        }

        return await AwsProfileCredentialResolver.ResolveAsync("default", "the default AWS profile", environment, false, cancellationToken).ConfigureAwait(false) is { } fromDefault
            ? Fresh(fromDefault, "the default AWS profile", clock)
            : null;
    }

    /// <summary>A key pair from two settings, null when neither is set; half a pair is an error naming the missing one.</summary>
    /// <exception cref="CpaCredentialException">Only one of the two is set.</exception>
    public static AwsSessionCredentials? KeyPair(string? id, string? secret, string? token, string idName, string secretName, string source)
    {
        id = string.IsNullOrWhiteSpace(id) ? null : id.Trim();
        secret = string.IsNullOrWhiteSpace(secret) ? null : secret.Trim();
        if (id is null && secret is null)
        {
            return null;
        }

        // The official clients would sign with a null secret and send the request; say so before that.
        if (id is null || secret is null)
        {
            var (present, missing) = id is null ? (secretName, idName) : (idName, secretName);
            throw new CpaCredentialException(CpaCredentialProblem.Invalid, missing,
                $"{present} is set but {missing} is not: set both, or remove {present} to use another credential source.");
        }

        return new AwsSessionCredentials(id, secret, string.IsNullOrWhiteSpace(token) ? null : token.Trim(), null, source);
    }

    /// <summary>The credentials, unless they have expired.</summary>
    /// <exception cref="CpaCredentialException">They have expired.</exception>
    public static AwsSessionCredentials Fresh(AwsSessionCredentials credentials, string setting, TimeProvider clock)
    {
        if (credentials.IsExpiredAt(clock.GetUtcNow()))
        {
            throw new CpaCredentialException(CpaCredentialProblem.Expired, setting,
                $"The AWS credentials from {credentials.Source} expired at {credentials.Expiration:u}; sign in again (e.g. `aws sso login`), or configure awsAuthRefresh to do it.");
        }

        return credentials;
    }

    private static string? Value(IReadOnlyDictionary<string, string> environment, string name) =>
        environment.TryGetValue(name, out var value) && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;
}
