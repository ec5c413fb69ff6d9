namespace ProviderAudit.Runtime;

using static EnvironmentVariableNames;

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
        [BedrockBearerToken, BedrockBaseUrl, SkipBedrockAuth, "ANTHROPIC_SMALL_FAST_MODEL_AWS_REGION", .. AwsTransportVariables.All];

    /// <inheritdoc />
    public TransportValidation Validate(TransportInputs inputs)
    {
        var env = inputs.Environment;
        var problems = new List<ConfigurationProblem>();
        var (region, regionVariable) = InputChecks.CheckAwsRegion(env, "Amazon Bedrock", problems);
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
            var plan = new Aws.AwsCredentialChain(env, inputs.Settings, new() { FileExists = inputs.FileExists }).Describe();
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
        var signsWithAws = !env.Flag(SkipBedrockAuth) && !env.Has(BedrockBearerToken);
        var warnings = new[] { InputChecks.UnrecognizedFlagWarning(env, SkipBedrockAuth) }.OfType<string>().ToArray();
        return new TransportValidation(baseUri, problems, signsWithAws ? AwsTransportVariables.RefreshAction(inputs.Settings) : [], warnings, details);
    }

    /// <inheritdoc />
    public IRequestClient CreateRequestClient(TransportInputs inputs, RequestClientOptions? options = null) =>
        RequestClients.Bedrock(this, inputs, options ?? RequestClientOptions.Default);

    /// <inheritdoc />
    public override string ToString() => "Bedrock";
}
