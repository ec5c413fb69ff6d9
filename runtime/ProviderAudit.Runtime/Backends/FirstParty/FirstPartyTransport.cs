using System.Globalization;
using ProviderAudit.Runtime.Launch;
using ProviderAudit.Runtime.Requests;
using ProviderAudit.Runtime.Secrets;
using ProviderAudit.Runtime.Settings;
using ProviderAudit.Runtime.Status;

namespace ProviderAudit.Runtime.Backends.FirstParty;

using static FirstPartyVariables;
using static ProviderAudit.Runtime.Settings.EnvironmentVariableNames;

/// <summary>Anthropic's own API: <c>api.anthropic.com</c> (or <c>ANTHROPIC_BASE_URL</c>) with an API key or OAuth token.</summary>
internal sealed class FirstPartyTransport : IBackendTransport
{
    private const string NotConnectedMessage =
        "Not connected to Anthropic: set ANTHROPIC_API_KEY (or ANTHROPIC_AUTH_TOKEN / CLAUDE_CODE_OAUTH_TOKEN), or use Connect Anthropic to sign in.";

    private static readonly Uri DefaultBaseUri = new("https://api.anthropic.com");

    // In the order a request picks them: an API key first.
    private static readonly string[] CredentialVariablesInOrder = [AnthropicApiKey, AnthropicAuthToken, ClaudeCodeOAuthToken];

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
    public IReadOnlyCollection<string> CredentialVariables { get; } = CredentialVariablesInOrder;

    /// <inheritdoc />
    /// <remarks>Every valid header: the request carries the one credential set, which a custom header may not duplicate (a problem status names).</remarks>
    public bool SendsCustomHeader(string name) => true;

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
        foreach (var name in CredentialVariablesInOrder)
        {
            InputChecks.CheckCredentialValue(env, name, problems);
        }

        var credential = CredentialVariablesInOrder.FirstOrDefault(env.Has);
        CheckCustomHeaders(env, credential, problems);
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

        return new TransportValidation(baseUri, problems, [RuntimeStatus.ConnectAnthropicAction]);
    }

    /// <inheritdoc />
    public IRequestClient CreateRequestClient(TransportInputs inputs, RequestClientOptions? options = null) =>
        FirstPartyRequestClient.Create(this, inputs, options ?? RequestClientOptions.Default);

    /// <inheritdoc />
    public override string ToString() => "FirstParty";

    // Judged once (CustomHeaders): an invalid line, or a header that would carry a second credential next to the one set.
    private static void CheckCustomHeaders(IReadOnlyDictionary<string, string> env, string? credential, List<ConfigurationProblem> problems)
    {
        var custom = CustomHeaders.From(env);
        problems.AddRange(custom.Problems);
        var authHeader = credential switch
        {
            AnthropicApiKey => "x-api-key",
            null => null,
            _ => "Authorization",
        };
        if (authHeader is not null && custom.Headers.FirstOrDefault(h => h.Name.Equals(authHeader, StringComparison.OrdinalIgnoreCase)) is { } clash)
        {
            problems.Add(new(AnthropicCustomHeaders,
                $"{AnthropicCustomHeaders} sets {clash.Name} (line {clash.Line}), which {credential} already sends: a request must carry one credential; remove the line or unset {credential}."));
        }
    }

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
