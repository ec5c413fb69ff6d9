using ProviderAudit.Runtime.Requests;
using ProviderAudit.Runtime.Secrets;
using ProviderAudit.Runtime.Settings;

namespace ProviderAudit.Runtime.Backends.Vertex;

using static VertexVariables;

/// <summary>Google Vertex AI: Google credentials, regional <c>aiplatform.googleapis.com</c> endpoints.</summary>
internal sealed class VertexTransport : IBackendTransport
{
    internal VertexTransport()
    {
    }

    /// <inheritdoc />
    public AuthTransportKind Kind => AuthTransportKind.Vertex;

    /// <inheritdoc />
    public string? SelectorVariable => UseVertex;

    /// <inheritdoc />
    public IReadOnlyCollection<string> OwnedVariables { get; } =
        [VertexRegion, VertexProjectId, VertexBaseUrl, SkipVertexAuth, GoogleApplicationCredentials, GoogleCloudProject, CloudSdkConfig];

    /// <inheritdoc />
    /// <remarks>None: Google credentials live in files (<c>GOOGLE_APPLICATION_CREDENTIALS</c> is a path), not in variables.</remarks>
    public IReadOnlyCollection<string> CredentialVariables { get; } = [];

    /// <inheritdoc />
    /// <remarks>None: Anthropic.Vertex requests carry no <c>ANTHROPIC_CUSTOM_HEADERS</c>, and neither do Vertex launches.</remarks>
    public bool SendsCustomHeader(string name) => false;

    /// <inheritdoc />
    public TransportValidation Validate(TransportInputs inputs)
    {
        var env = inputs.Environment;
        var problems = new List<ConfigurationProblem>();
        var region = env.Raw(VertexRegion);
        if (region is null)
        {
            problems.Add(new(VertexRegion, "CLOUD_ML_REGION is not set. Google Vertex AI needs a region: set CLOUD_ML_REGION, e.g. us-east5 or global."));
        }
        else if (!InputChecks.IsRegionToken(region))
        {
            problems.Add(new(VertexRegion, $"CLOUD_ML_REGION={DisplayText.Quote(region)} is not a valid region: use only lowercase letters, digits and hyphens, e.g. us-east5."));
            region = null;
        }

        if (env.Raw(VertexProjectId) is not { } projectId)
        {
            problems.Add(new(VertexProjectId, "ANTHROPIC_VERTEX_PROJECT_ID is not set: set it to your Google Cloud project id."));
        }
        else if (!InputChecks.IsGoogleProjectId(projectId))
        {
            // It becomes part of every request path.
            problems.Add(new(VertexProjectId, $"ANTHROPIC_VERTEX_PROJECT_ID={DisplayText.Quote(projectId)} is not a Google Cloud project id: " +
                "6 to 30 lowercase letters, digits and hyphens, starting with a letter (e.g. my-project-123)."));
        }

        var baseUri = env.Raw(VertexBaseUrl) is { } value
            ? InputChecks.CheckBaseUrlOverride(VertexBaseUrl, value, problems)
            : region is null ? null
            : string.Equals(region, "global", StringComparison.Ordinal) ? new Uri("https://aiplatform.googleapis.com")
            : new Uri($"https://{region}-aiplatform.googleapis.com");

        var credentials = CredentialSource(inputs);
        if (credentials is null)
        {
            problems.Add(new(GoogleApplicationCredentials,
                "No Google credentials for Vertex AI: run `gcloud auth application-default login` or set GOOGLE_APPLICATION_CREDENTIALS to a service-account key file."));
        }

        var details = new List<KeyValuePair<string, string>>
        {
            new("region", region ?? "(unset)"),
            new("baseUrl", baseUri?.ToString() ?? "(unresolved)"),
            new("auth", credentials ?? "none"),
        };
        var warnings = new[] { InputChecks.UnrecognizedFlagWarning(env, SkipVertexAuth) }.OfType<string>().ToArray();
        return new TransportValidation(baseUri, problems, [], warnings, details);
    }

    /// <inheritdoc />
    public IRequestClient CreateRequestClient(TransportInputs inputs, RequestClientOptions? options = null) =>
        VertexRequestClient.Create(this, inputs, options ?? RequestClientOptions.Default);

    /// <inheritdoc />
    public override string ToString() => "Vertex";

    private static string? CredentialSource(TransportInputs inputs)
    {
        var env = inputs.Environment;
        if (env.Flag(SkipVertexAuth)) return "none (CLAUDE_CODE_SKIP_VERTEX_AUTH)";
        if (env.Has(GoogleApplicationCredentials)) return "service account (GOOGLE_APPLICATION_CREDENTIALS)";
        var configDir = env.Raw(CloudSdkConfig) ?? (env.Raw("HOME") is { } home ? Path.Combine(home, ".config", "gcloud") : null);
        var adc = configDir is null ? null : Path.Combine(configDir, "application_default_credentials.json");
        return adc is not null && inputs.FileExists(adc) ? $"application default credentials ({DisplayText.Quote(adc)})" : null;
    }
}
