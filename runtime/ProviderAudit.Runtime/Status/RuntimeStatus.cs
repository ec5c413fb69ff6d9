using ProviderAudit.Runtime.Backends;
using ProviderAudit.Runtime.Catalog;
using ProviderAudit.Runtime.Launch;
using ProviderAudit.Runtime.Settings;

namespace ProviderAudit.Runtime.Status;

/// <summary>
/// Whether a launch target can be used as configured, in words a person can act on. Computed by
/// <see cref="RuntimeStatusEvaluator"/> from the backend's own validation; never contains a secret.
/// </summary>
public sealed class RuntimeStatus
{
    /// <summary>
    /// The action (in <see cref="Actions"/>) that connects an Anthropic account: a UI shows it as a button. Only the
    /// first-party transport offers it, when it has no credential.
    /// </summary>
    public const string ConnectAnthropicAction = "Connect Anthropic";

    internal RuntimeStatus(
        LaunchTarget target,
        RuntimeBackend? backend,
        bool ready,
        string message,
        IReadOnlyList<string> actions,
        IReadOnlyList<string> warnings,
        IReadOnlyList<ConfigurationProblem> problems,
        IReadOnlyList<KeyValuePair<string, string>> details,
        Uri? baseUri,
        IReadOnlyList<ModelPinVerdict>? pins = null,
        IReadOnlyList<string>? unavailableFeatures = null)
    {
        Pins = pins ?? [];
        UnavailableFeatures = unavailableFeatures ?? [];
        Target = target;
        Backend = backend;
        Ready = ready;
        Message = message;
        Actions = actions;
        Warnings = warnings;
        Problems = problems;
        Details = details;
        BaseUri = baseUri;
    }

    /// <summary>The launch target this status is for.</summary>
    public LaunchTarget Target { get; }

    /// <summary>The resolved backend, or null for targets without a Claude backend.</summary>
    public RuntimeBackend? Backend { get; }

    /// <summary>True only when the transport validated its inputs and the request transport check passed.</summary>
    public bool Ready { get; }

    /// <summary>One message a person can act on.</summary>
    public string Message { get; }

    /// <summary>Things to do, e.g. "Connect Anthropic" (first party only) or "Run `aws sso login --profile cc`".</summary>
    public IReadOnlyList<string> Actions { get; }

    /// <summary>Things that work but deserve attention (conflicting selectors, ignored credentials, …).</summary>
    public IReadOnlyList<string> Warnings { get; }

    /// <summary>Every input problem, each naming its variable and fix.</summary>
    public IReadOnlyList<ConfigurationProblem> Problems { get; }

    /// <summary>Non-secret facts (workspace, region, base URL, auth mode with redacted key).</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Details { get; }

    /// <summary>
    /// Every model pin set (the <c>ANTHROPIC_*MODEL</c> variables, <c>CLAUDE_CODE_SUBAGENT_MODEL</c>, the settings'
    /// <c>model</c>) and its verdict for the backend; the problems are also <see cref="Warnings"/>.
    /// </summary>
    public IReadOnlyList<ModelPinVerdict> Pins { get; }

    /// <summary>
    /// Account-bound features (claude.ai sign-in, settings sync, the Admin API) this backend's transport does not carry,
    /// each a sentence; empty for first party.
    /// </summary>
    public IReadOnlyList<string> UnavailableFeatures { get; }

    /// <summary>Where requests would go, when known.</summary>
    public Uri? BaseUri { get; }

    /// <inheritdoc />
    public override string ToString() => $"{Target.Name()} → {Backend?.Id ?? "none"}: {(Ready ? "ready" : "not ready")}. {Message}";
}
