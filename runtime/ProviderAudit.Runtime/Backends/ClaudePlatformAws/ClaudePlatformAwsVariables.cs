namespace ProviderAudit.Runtime.Backends.ClaudePlatformAws;

/// <summary>Claude Platform on AWS's own variables, spelled once (its AWS credential variables are <c>AwsVariables</c>).</summary>
internal static class ClaudePlatformAwsVariables
{
    public const string UseAnthropicAws = "CLAUDE_CODE_USE_ANTHROPIC_AWS";

    /// <summary>Every Claude Platform on AWS variable: only its launches carry one.</summary>
    public const string AnthropicAwsPrefix = "ANTHROPIC_AWS_";
    public const string AnthropicAwsWorkspaceId = "ANTHROPIC_AWS_WORKSPACE_ID";
    public const string AnthropicAwsApiKey = "ANTHROPIC_AWS_API_KEY";
    public const string AnthropicAwsBaseUrl = "ANTHROPIC_AWS_BASE_URL";
    public const string SkipAnthropicAwsAuth = "CLAUDE_CODE_SKIP_ANTHROPIC_AWS_AUTH";
}
