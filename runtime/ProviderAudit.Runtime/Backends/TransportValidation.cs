using ProviderAudit.Runtime.Requests;
using ProviderAudit.Runtime.Settings;
using ProviderAudit.Runtime.Status;

namespace ProviderAudit.Runtime.Backends;

/// <summary>
/// A transport's verdict on its inputs: problems (each naming a variable and its fix), the base URL when it can be
/// resolved, suggested actions, warnings and non-secret details for status. Valid inputs do not yet mean "ready":
/// the request transport check decides that (see <see cref="IRequestTransportCheck"/>).
/// </summary>
public sealed class TransportValidation
{
    /// <summary>Creates a verdict.</summary>
    public TransportValidation(
        Uri? baseUri,
        IReadOnlyList<ConfigurationProblem> problems,
        IReadOnlyList<string>? actions = null,
        IReadOnlyList<string>? warnings = null,
        IReadOnlyList<KeyValuePair<string, string>>? details = null)
    {
        BaseUri = baseUri;
        Problems = problems;
        Actions = actions ?? [];
        Warnings = warnings ?? [];
        Details = details ?? [];
    }

    /// <summary>True when there are no problems.</summary>
    public bool InputsValid => Problems.Count == 0;

    /// <summary>Where requests would go, or null when the inputs do not determine it.</summary>
    public Uri? BaseUri { get; }

    /// <summary>What is wrong, in the order a person should fix it.</summary>
    public IReadOnlyList<ConfigurationProblem> Problems { get; }

    /// <summary>Things a person (or UI) can do, e.g. "Connect Anthropic" or "Run `aws sso login --profile cc`".</summary>
    public IReadOnlyList<string> Actions { get; }

    /// <summary>Things that work but deserve attention.</summary>
    public IReadOnlyList<string> Warnings { get; }

    /// <summary>Non-secret facts for status output (workspace id, region, auth mode, …).</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Details { get; }

    /// <summary>This verdict when the inputs are valid: a request client is built only from valid inputs.</summary>
    /// <exception cref="RequestClientException">The first problem, scrubbed of the secrets of <paramref name="environment"/>.</exception>
    internal TransportValidation RequireValid(IReadOnlyDictionary<string, string> environment) =>
        InputsValid ? this : throw RequestClientException.For(Problems[0], environment);
}
