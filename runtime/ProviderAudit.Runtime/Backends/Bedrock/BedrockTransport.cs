using ProviderAudit.Runtime.AwsCredentials;
using ProviderAudit.Runtime.Requests;
using ProviderAudit.Runtime.Settings;

namespace ProviderAudit.Runtime.Backends.Bedrock;

using static BedrockVariables;
using static ProviderAudit.Runtime.AwsCredentials.AwsVariables;

/// <summary>Amazon Bedrock: SigV4 from the AWS chain or a Bedrock bearer token, Bedrock runtime endpoints.</summary>
internal sealed class BedrockTransport : IBackendTransport
{
    internal BedrockTransport()
    {
    }

    /// <inheritdoc />
    public AuthTransportKind Kind => AuthTransportKind.Bedrock;

    /// <inheritdoc />
    public string? SelectorVariable => UseBedrock;

    /// <inheritdoc />
    public IReadOnlyCollection<string> OwnedVariables { get; } =
        [BedrockBearerToken, BedrockBaseUrl, SkipBedrockAuth, SmallFastModelAwsRegion, .. AwsVariables.All];

    /// <inheritdoc />
    public IReadOnlyCollection<string> OwnedVariablePrefixes => AwsVariables.Prefixes;

    /// <inheritdoc />
    public IReadOnlyCollection<string> ReservedVariablePrefixes { get; } = [AwsPrefix];

    /// <inheritdoc />
    public IReadOnlyCollection<string> CredentialVariables { get; } = [BedrockBearerToken, .. AwsVariables.Credentials];

    /// <inheritdoc />
    /// <remarks>None: Anthropic.Bedrock requests carry no <c>ANTHROPIC_CUSTOM_HEADERS</c>, and neither do Bedrock launches.</remarks>
    public bool SendsCustomHeader(string name) => false;

    /// <inheritdoc />
    public TransportValidation Validate(TransportInputs inputs)
    {
        var env = inputs.Environment;
        var problems = new List<ConfigurationProblem>();
        var (region, regionVariable) = AwsRegionInput.Check(env, "Amazon Bedrock", problems,
            () => new AwsCredentialPlanner(env, inputs.Settings, new() { FileExists = inputs.FileExists }).ProfileRegion());
        var baseUri = env.Raw(BedrockBaseUrl) is { } value
            ? InputChecks.CheckBaseUrlOverride(BedrockBaseUrl, value, problems)
            : region is null ? null : new Uri($"https://bedrock-runtime.{region}.amazonaws.com");

        InputChecks.CheckCredentialValue(env, BedrockBearerToken, problems);
        string auth;
        if (env.Flag(SkipBedrockAuth))
        {
            auth = "none (CLAUDE_CODE_SKIP_BEDROCK_AUTH)";
        }
        else if (env.Has(BedrockBearerToken))
        {
            auth = "Bedrock API key (AWS_BEARER_TOKEN_BEDROCK)";
        }
        else
        {
            // The same chain the request client resolves from: described here without any network call.
            var plan = new AwsCredentialChain(env, inputs.Settings, new() { FileExists = inputs.FileExists }).Describe();
            problems.AddRange(plan.Problems);
            auth = plan.Source is { } source ? $"SigV4 via {source}" : "none";
            if (plan.IsEmpty)
            {
                problems.Add(new(AwsProfile,
                    "No AWS credentials for Amazon Bedrock: set AWS_PROFILE (e.g. an SSO profile), AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, or AWS_BEARER_TOKEN_BEDROCK."
                    + plan.LookedAt));
            }
        }

        var details = new List<KeyValuePair<string, string>>
        {
            new("region", region is null ? "(unset)" : $"{region} ({regionVariable})"),
            new("baseUrl", baseUri?.ToString() ?? "(unresolved)"),
            new("auth", auth),
        };
        var signsWithAws = SignsWithAwsCredentials(env);
        var warnings = new[] { InputChecks.UnrecognizedFlagWarning(env, SkipBedrockAuth) }.OfType<string>().ToArray();
        return new TransportValidation(baseUri, problems, signsWithAws ? AwsAuthRefreshCoordinator.Actions(inputs.Settings) : [], warnings, details);
    }

    /// <inheritdoc />
    public IRequestClient CreateRequestClient(TransportInputs inputs, RequestClientOptions? options = null) =>
        BedrockRequestClient.Create(this, inputs, options ?? RequestClientOptions.Default);

    /// <inheritdoc />
    /// <remarks>When it signs with AWS credentials: a Bedrock API key or skip-auth has nothing to resolve.</remarks>
    public bool ReadinessResolvesCredential(TransportInputs inputs) => SignsWithAwsCredentials(inputs.Environment);

    /// <inheritdoc />
    public override string ToString() => "Bedrock";

    private static bool SignsWithAwsCredentials(IReadOnlyDictionary<string, string> env) => !env.Flag(SkipBedrockAuth) && !env.Has(BedrockBearerToken);
}
