namespace ProviderAudit.Runtime.Settings;

/// <summary>The environment variable names the runtime reads or writes, spelled once.</summary>
public static class EnvironmentVariableNames
{
#pragma warning disable CS1591 // The names document themselves; see docs/runtime.md for what each does.
    public const string UseBedrock = "CLAUDE_CODE_USE_BEDROCK";
    public const string UseFoundry = "CLAUDE_CODE_USE_FOUNDRY";
    public const string UseAnthropicAws = "CLAUDE_CODE_USE_ANTHROPIC_AWS";
    public const string UseVertex = "CLAUDE_CODE_USE_VERTEX";
    public const string SelectorPrefix = "CLAUDE_CODE_USE_";
    public const string ProviderManagedByHost = "CLAUDE_CODE_PROVIDER_MANAGED_BY_HOST";

    public const string AnthropicAwsPrefix = "ANTHROPIC_AWS_";
    public const string AnthropicAwsWorkspaceId = "ANTHROPIC_AWS_WORKSPACE_ID";
    public const string AnthropicAwsApiKey = "ANTHROPIC_AWS_API_KEY";
    public const string AnthropicAwsBaseUrl = "ANTHROPIC_AWS_BASE_URL";
    public const string SkipAnthropicAwsAuth = "CLAUDE_CODE_SKIP_ANTHROPIC_AWS_AUTH";

    public const string AnthropicApiKey = "ANTHROPIC_API_KEY";
    public const string AnthropicAuthToken = "ANTHROPIC_AUTH_TOKEN";
    public const string ClaudeCodeOAuthToken = "CLAUDE_CODE_OAUTH_TOKEN";
    public const string AnthropicBaseUrl = "ANTHROPIC_BASE_URL";
    public const string AnthropicCustomHeaders = "ANTHROPIC_CUSTOM_HEADERS";
    public const string ClaudeConfigDir = "CLAUDE_CONFIG_DIR";

    public const string AwsRegion = "AWS_REGION";
    public const string AwsDefaultRegion = "AWS_DEFAULT_REGION";
    public const string AwsProfile = "AWS_PROFILE";
    public const string AwsAccessKeyId = "AWS_ACCESS_KEY_ID";
    public const string AwsSecretAccessKey = "AWS_SECRET_ACCESS_KEY";
    public const string AwsSessionToken = "AWS_SESSION_TOKEN";
    public const string AwsSharedCredentialsFile = "AWS_SHARED_CREDENTIALS_FILE";
    public const string AwsConfigFile = "AWS_CONFIG_FILE";
    public const string AwsWebIdentityTokenFile = "AWS_WEB_IDENTITY_TOKEN_FILE";
    public const string AwsRoleArn = "AWS_ROLE_ARN";
    public const string AwsRoleSessionName = "AWS_ROLE_SESSION_NAME";
    public const string AwsContainerCredentialsRelativeUri = "AWS_CONTAINER_CREDENTIALS_RELATIVE_URI";
    public const string AwsContainerCredentialsFullUri = "AWS_CONTAINER_CREDENTIALS_FULL_URI";
    public const string AwsContainerAuthorizationToken = "AWS_CONTAINER_AUTHORIZATION_TOKEN";
    public const string AwsEc2MetadataDisabled = "AWS_EC2_METADATA_DISABLED";
    public const string AwsEndpointUrlSso = "AWS_ENDPOINT_URL_SSO";

    public const string BedrockBearerToken = "AWS_BEARER_TOKEN_BEDROCK";
    public const string BedrockBaseUrl = "ANTHROPIC_BEDROCK_BASE_URL";
    public const string SkipBedrockAuth = "CLAUDE_CODE_SKIP_BEDROCK_AUTH";

    public const string VertexRegion = "CLOUD_ML_REGION";
    public const string VertexProjectId = "ANTHROPIC_VERTEX_PROJECT_ID";
    public const string VertexBaseUrl = "ANTHROPIC_VERTEX_BASE_URL";
    public const string SkipVertexAuth = "CLAUDE_CODE_SKIP_VERTEX_AUTH";
    public const string GoogleApplicationCredentials = "GOOGLE_APPLICATION_CREDENTIALS";

    public const string FoundryResource = "ANTHROPIC_FOUNDRY_RESOURCE";
    public const string FoundryBaseUrl = "ANTHROPIC_FOUNDRY_BASE_URL";
    public const string FoundryApiKey = "ANTHROPIC_FOUNDRY_API_KEY";
    public const string SkipFoundryAuth = "CLAUDE_CODE_SKIP_FOUNDRY_AUTH";

    public const string DefaultOpusModel = "ANTHROPIC_DEFAULT_OPUS_MODEL";
    public const string DefaultSonnetModel = "ANTHROPIC_DEFAULT_SONNET_MODEL";
    public const string DefaultHaikuModel = "ANTHROPIC_DEFAULT_HAIKU_MODEL";
#pragma warning restore CS1591
}
