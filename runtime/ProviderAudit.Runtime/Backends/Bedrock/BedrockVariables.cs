namespace ProviderAudit.Runtime.Backends.Bedrock;

/// <summary>Amazon Bedrock's own variables, spelled once (its AWS credential variables are <c>AwsVariables</c>).</summary>
internal static class BedrockVariables
{
    public const string UseBedrock = "CLAUDE_CODE_USE_BEDROCK";
    public const string BedrockBearerToken = "AWS_BEARER_TOKEN_BEDROCK";
    public const string BedrockBaseUrl = "ANTHROPIC_BEDROCK_BASE_URL";
    public const string SkipBedrockAuth = "CLAUDE_CODE_SKIP_BEDROCK_AUTH";
    public const string SmallFastModelAwsRegion = "ANTHROPIC_SMALL_FAST_MODEL_AWS_REGION";
}
