using System.Globalization;

namespace ProviderAudit.Runtime;

using static EnvironmentVariableNames;

/// <summary>Anthropic's own API: <c>api.anthropic.com</c> (or <c>ANTHROPIC_BASE_URL</c>) with an API key or OAuth token.</summary>
internal sealed class FirstPartyTransport : IBackendTransport
{
    /// <summary>The action that connects an Anthropic account; only this transport ever offers it (public as <see cref="RuntimeStatus.ConnectAnthropicAction"/>).</summary>
    internal const string ConnectAnthropicAction = "Connect Anthropic";

    private const string NotConnectedMessage =
        "Not connected to Anthropic: set ANTHROPIC_API_KEY (or ANTHROPIC_AUTH_TOKEN / CLAUDE_CODE_OAUTH_TOKEN), or use Connect Anthropic to sign in.";

    private static readonly Uri DefaultBaseUri = new("https://api.anthropic.com");

    private static readonly string[] CredentialVariables = [AnthropicApiKey, AnthropicAuthToken, ClaudeCodeOAuthToken];

    internal FirstPartyTransport()
    {
    }

    /// <inheritdoc />
    public AuthTransportKind Kind => AuthTransportKind.FirstParty;

    /// <inheritdoc />
    public string? SelectorVariable => null;

    /// <inheritdoc />
    public IReadOnlyCollection<string> OwnedVariables { get; } =
        [AnthropicApiKey, AnthropicAuthToken, ClaudeCodeOAuthToken, AnthropicBaseUrl, AnthropicCustomHeaders];

    /// <inheritdoc />
    /// <remarks>
    /// Without a key or token in the environment, a check for a Claude Code launch (<see cref="TransportInputs.LaunchTarget"/>)
    /// also accepts Claude Code's own sign-in (<c>claude /login</c>), which the launched Claude Code reads itself; a check
    /// for this process's own requests does not, since the token is not this process's to read.
    /// </remarks>
    public TransportValidation Validate(TransportInputs inputs)
    {
        var env = inputs.Environment;
        var problems = new List<ConfigurationProblem>();
        var baseUri = env.Raw(AnthropicBaseUrl) is { } value ? InputChecks.CheckBaseUrlOverride(AnthropicBaseUrl, value, problems) : DefaultBaseUri;
        foreach (var name in CredentialVariables)
        {
            InputChecks.CheckCredentialValue(env, name, problems);
        }

        var credential = CredentialVariables.FirstOrDefault(env.Has);
        if (credential is not null)
        {
            var details = new List<KeyValuePair<string, string>>
            {
                new("baseUrl", baseUri?.ToString() ?? "(invalid)"),
                new("auth", $"{Secret.Redact(env.Raw(credential)!.Trim())} ({credential})"),
            };
            return new TransportValidation(baseUri, problems, [], [], details);
        }

        if (inputs.LaunchTarget is { } target && target.IsAnthropicCompatible())
        {
            var signIn = ClaudeCodeSignIn.Find(env, inputs.FileExists, inputs.Clock);
            if (signIn.Usable)
            {
                return SignedInWithClaudeCode(signIn, baseUri, problems);
            }

            problems.Add(NotSignedIn(signIn));
        }
        else
        {
            problems.Add(new(AnthropicApiKey, NotConnectedMessage));
        }

        return new TransportValidation(baseUri, problems, [ConnectAnthropicAction]);
    }

    /// <inheritdoc />
    public IRequestClient CreateRequestClient(TransportInputs inputs, RequestClientOptions? options = null) =>
        RequestClients.FirstParty(this, inputs, options ?? RequestClientOptions.Default);

    /// <inheritdoc />
    public override string ToString() => "FirstParty";

    private static TransportValidation SignedInWithClaudeCode(ClaudeCodeSignIn signIn, Uri? baseUri, List<ConfigurationProblem> problems)
    {
        var file = DisplayText.Quote(signIn.FilePath!);
        var details = new List<KeyValuePair<string, string>>
        {
            new("baseUrl", baseUri?.ToString() ?? "(invalid)"),
            new("auth", $"signed in with Claude Code ({file})"),
        };
        var warnings = new List<string>();
        if (signIn.ExpiresAt is { } expiresAt)
        {
            details.Add(new("signInExpires", expiresAt.ToString("u", CultureInfo.InvariantCulture)));
        }

        if (signIn.State is ClaudeCodeSignInState.ExpiredRenewable)
        {
            warnings.Add($"Claude Code's sign-in token ({file}) expired at {signIn.ExpiresAt:u}; Claude Code renews it with its refresh token when it starts. " +
                "If it cannot, sign in again with `claude /login` (Connect Anthropic).");
        }

        return new TransportValidation(baseUri, problems, [], warnings, details);
    }

    private static ConfigurationProblem NotSignedIn(ClaudeCodeSignIn signIn)
    {
        var file = signIn.FilePath is null ? null : DisplayText.Quote(signIn.FilePath);
        return signIn.State switch
        {
            ClaudeCodeSignInState.Expired => new(AnthropicApiKey,
                $"Claude Code's sign-in ({file}) expired at {signIn.ExpiresAt:u} and has no refresh token: sign in again with Connect Anthropic (`claude /login`), " +
                "or set ANTHROPIC_API_KEY (or ANTHROPIC_AUTH_TOKEN / CLAUDE_CODE_OAUTH_TOKEN)."),
            ClaudeCodeSignInState.Unusable => new(signIn.DirectoryVariable ?? AnthropicApiKey,
                $"Claude Code's credentials file {file ?? $"(from {signIn.DirectoryVariable})"} is not a usable sign-in: {signIn.Reason}. " +
                "Sign in again with Connect Anthropic (`claude /login`), or set ANTHROPIC_API_KEY (or ANTHROPIC_AUTH_TOKEN / CLAUDE_CODE_OAUTH_TOKEN)."),
            _ => new(AnthropicApiKey, NotConnectedMessage + (file is null ? "" : $" No Claude Code sign-in was found ({file}).") +
                (OperatingSystem.IsMacOS() ? " On macOS Claude Code keeps its sign-in in the Keychain, which status does not read." : "")),
        };
    }
}
