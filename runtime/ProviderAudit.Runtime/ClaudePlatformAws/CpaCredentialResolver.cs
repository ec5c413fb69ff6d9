namespace ProviderAudit.Runtime.Aws;

/// <summary>
/// Resolves the one credential CPA requests carry, from explicit options, the host's
/// <c>awsCredentialExport</c> command and the runtime's environment dictionary (never this process's
/// environment), in the official SDKs' order:
/// <list type="number">
/// <item>skip-auth (option or <c>CLAUDE_CODE_SKIP_ANTHROPIC_AWS_AUTH</c>);</item>
/// <item>explicit CPA API key option;</item>
/// <item>explicit AWS access key + secret options;</item>
/// <item>explicit AWS profile option;</item>
/// <item><c>ANTHROPIC_AWS_API_KEY</c>;</item>
/// <item>the <c>awsCredentialExport</c> command, which (as in Claude Code) replaces the default chain when configured;</item>
/// <item>otherwise the default AWS chain from the environment: <c>AWS_ACCESS_KEY_ID</c>/<c>AWS_SECRET_ACCESS_KEY</c>
/// (+ <c>AWS_SESSION_TOKEN</c>), then <c>AWS_PROFILE</c> (static, SSO or <c>credential_process</c>
/// profiles), then the <c>default</c> profile.</item>
/// </list>
/// Instance metadata, container and web-identity credentials are not resolved here (AWSSDK.Core reads
/// their settings from the process environment); use a profile or <c>awsCredentialExport</c> for those.
/// </summary>
public sealed class CpaCredentialResolver
{
    private readonly IReadOnlyDictionary<string, string> _environment;
    private readonly CpaCredentialOptions _options;
    private readonly AwsCredentialExportSource? _credentialExport;
    private readonly TimeProvider _clock;

    /// <summary>Creates a resolver.</summary>
    /// <param name="environment">The runtime's environment dictionary.</param>
    /// <param name="options">Explicit credentials from the host, or null.</param>
    /// <param name="credentialExport">The <c>awsCredentialExport</c> source, when the setting is configured.</param>
    /// <param name="clock">The clock expirations are compared with.</param>
    public CpaCredentialResolver(
        IReadOnlyDictionary<string, string> environment,
        CpaCredentialOptions? options = null,
        AwsCredentialExportSource? credentialExport = null,
        TimeProvider? clock = null)
    {
        _environment = environment;
        _options = options ?? new CpaCredentialOptions();
        _credentialExport = credentialExport;
        _clock = clock ?? TimeProvider.System;
    }

    /// <summary>The <c>awsCredentialExport</c> source, if any (caches drop its entry after a refresh).</summary>
    public AwsCredentialExportSource? CredentialExport => _credentialExport;

    /// <summary>Resolves the credential.</summary>
    /// <exception cref="CpaCredentialException">No source holds a usable credential; the message names the setting and the fix.</exception>
    public async Task<CpaResolvedAuth> ResolveAsync(CancellationToken cancellationToken = default)
    {
        if (_options.SkipAuth || IsTruthy(Value("CLAUDE_CODE_SKIP_ANTHROPIC_AWS_AUTH")))
        {
            return CpaResolvedAuth.None(_options.SkipAuth ? "skip-auth option" : "CLAUDE_CODE_SKIP_ANTHROPIC_AWS_AUTH");
        }

        if (!string.IsNullOrWhiteSpace(_options.ApiKey))
        {
            return CpaResolvedAuth.ApiKey(_options.ApiKey, "API key option");
        }

        if (KeyPair(_options.AwsAccessKeyId, _options.AwsSecretAccessKey, _options.AwsSessionToken, "AwsAccessKeyId option", "AwsSecretAccessKey option", "AWS key options") is { } explicitKeys)
        {
            return Fresh(explicitKeys, "AwsAccessKeyId option");
        }

        if (!string.IsNullOrWhiteSpace(_options.AwsProfile))
        {
            var fromProfile = await AwsProfileCredentialResolver.ResolveAsync(_options.AwsProfile.Trim(), "AwsProfile option", _environment, true, cancellationToken).ConfigureAwait(false);
            return Fresh(fromProfile!, "AwsProfile option");
        }

        if (Value("ANTHROPIC_AWS_API_KEY") is { } cpaKey)
        {
            return CpaResolvedAuth.ApiKey(cpaKey, "ANTHROPIC_AWS_API_KEY");
        }

        if (await AwsCredentialChain.ResolveAsync(_environment, _credentialExport, _clock, cancellationToken).ConfigureAwait(false) is { } chain)
        {
            return CpaResolvedAuth.SigV4(chain);
        }

        // Web identity and container credentials count as visible sources for input validation, but this runtime does
        // not resolve them from its environment dictionary: name them, so the message is not a plain "no credentials".
        if ((Value("AWS_WEB_IDENTITY_TOKEN_FILE") is not null && Value("AWS_ROLE_ARN") is not null)
            || Value("AWS_CONTAINER_CREDENTIALS_RELATIVE_URI") is not null || Value("AWS_CONTAINER_CREDENTIALS_FULL_URI") is not null)
        {
            throw new CpaCredentialException(CpaCredentialProblem.Missing, "AWS_WEB_IDENTITY_TOKEN_FILE",
                "Web-identity (AWS_WEB_IDENTITY_TOKEN_FILE, AWS_ROLE_ARN) and container (AWS_CONTAINER_CREDENTIALS_*_URI) credentials "
                + "are not resolved by ProviderAudit's Claude Platform on AWS transport yet: set the awsCredentialExport setting to a command "
                + "that prints them (e.g. `aws configure export-credentials --format process`), use AWS_PROFILE, or set ANTHROPIC_AWS_API_KEY.");
        }

        throw new CpaCredentialException(CpaCredentialProblem.Missing, "ANTHROPIC_AWS_API_KEY",
            "No credentials for Claude Platform on AWS: set ANTHROPIC_AWS_API_KEY (a key created for Claude Platform in the AWS console), "
            + "or make AWS credentials available for SigV4: AWS_PROFILE=<profile> (e.g. an SSO profile), AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, "
            + "or the awsCredentialExport setting.");
    }

    private static AwsSessionCredentials? KeyPair(string? id, string? secret, string? token, string idName, string secretName, string source) =>
        AwsCredentialChain.KeyPair(id, secret, token, idName, secretName, source);

    private CpaResolvedAuth Fresh(AwsSessionCredentials credentials, string setting) =>
        CpaResolvedAuth.SigV4(AwsCredentialChain.Fresh(credentials, setting, _clock));

    private string? Value(string name) =>
        _environment.TryGetValue(name, out var value) && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;

    private static bool IsTruthy(string? value) =>
        value is not null && (value.Equals("1", StringComparison.Ordinal) || value.Equals("true", StringComparison.OrdinalIgnoreCase)
            || value.Equals("yes", StringComparison.OrdinalIgnoreCase) || value.Equals("on", StringComparison.OrdinalIgnoreCase));
}
