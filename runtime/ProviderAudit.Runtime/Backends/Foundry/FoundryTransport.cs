using ProviderAudit.Runtime.Requests;
using ProviderAudit.Runtime.Secrets;
using ProviderAudit.Runtime.Settings;

namespace ProviderAudit.Runtime.Backends.Foundry;

using static FoundryVariables;

/// <summary>Microsoft Foundry: an API key or Entra ID, <c>{resource}.services.ai.azure.com</c> endpoints.</summary>
internal sealed class FoundryTransport : IBackendTransport
{
    internal FoundryTransport()
    {
    }

    /// <inheritdoc />
    public AuthTransportKind Kind => AuthTransportKind.Foundry;

    /// <inheritdoc />
    public string? SelectorVariable => UseFoundry;

    /// <inheritdoc />
    public IReadOnlyCollection<string> OwnedVariables { get; } =
        [FoundryResource, FoundryBaseUrl, FoundryApiKey, SkipFoundryAuth, AzureClientId, AzureTenantId, AzureClientSecret, AzureClientCertificatePath, AzureFederatedTokenFile, AzureAuthorityHost];

    /// <inheritdoc />
    public IReadOnlyCollection<string> CredentialVariables { get; } = [FoundryApiKey, AzureClientSecret];

    /// <inheritdoc />
    /// <remarks>None: Anthropic.Foundry requests carry no <c>ANTHROPIC_CUSTOM_HEADERS</c>, and neither do Foundry launches.</remarks>
    public bool SendsCustomHeader(string name) => false;

    /// <inheritdoc />
    public TransportValidation Validate(TransportInputs inputs)
    {
        var env = inputs.Environment;
        var problems = new List<ConfigurationProblem>();
        Uri? baseUri = null;
        if (env.Raw(FoundryBaseUrl) is { } value)
        {
            baseUri = InputChecks.CheckBaseUrlOverride(FoundryBaseUrl, value, problems);
        }
        else if (env.Raw(FoundryResource) is { } resource)
        {
            if (InputChecks.IsRegionToken(resource))
            {
                baseUri = new Uri($"https://{resource}.services.ai.azure.com/anthropic/");
            }
            else
            {
                problems.Add(new(FoundryResource, $"ANTHROPIC_FOUNDRY_RESOURCE={DisplayText.Quote(resource)} is not a valid resource name: use only lowercase letters, digits and hyphens."));
            }
        }
        else
        {
            problems.Add(new(FoundryResource, "Microsoft Foundry needs an endpoint: set ANTHROPIC_FOUNDRY_RESOURCE (the resource name) or ANTHROPIC_FOUNDRY_BASE_URL."));
        }

        InputChecks.CheckCredentialValue(env, FoundryApiKey, problems);

        // Without a key the Foundry client uses Entra ID through the default Azure credential chain (az login, managed
        // identity, …), which the environment cannot show; resolving it is the request transport's job.
        var auth = env.Flag(SkipFoundryAuth) ? "none (CLAUDE_CODE_SKIP_FOUNDRY_AUTH)"
            : env.Has(FoundryApiKey) ? "API key (ANTHROPIC_FOUNDRY_API_KEY)"
            : "Entra ID (default Azure credential chain)";
        var details = new List<KeyValuePair<string, string>>
        {
            new("baseUrl", baseUri?.ToString() ?? "(unresolved)"),
            new("auth", auth),
        };
        var warnings = new[] { InputChecks.UnrecognizedFlagWarning(env, SkipFoundryAuth) }.OfType<string>().ToArray();
        return new TransportValidation(baseUri, problems, [], warnings, details);
    }

    /// <inheritdoc />
    public IRequestClient CreateRequestClient(TransportInputs inputs, RequestClientOptions? options = null) =>
        FoundryRequestClient.Create(this, inputs, options ?? RequestClientOptions.Default);

    /// <inheritdoc />
    public override string ToString() => "Foundry";
}
