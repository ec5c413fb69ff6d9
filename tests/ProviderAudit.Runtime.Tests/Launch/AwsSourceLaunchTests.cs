namespace ProviderAudit.Runtime.Tests;

/// <summary>
/// Claude Code resolves AWS credentials itself: a launch on an AWS-authenticated backend carries every variable its
/// AWS SDK reads for container, web-identity, instance-metadata and custom-endpoint setups; no other launch does.
/// </summary>
public class AwsSourceLaunchTests
{
    private static readonly (string Name, string Value)[] AwsSourceVariables =
    [
        ("AWS_CONTAINER_CREDENTIALS_FULL_URI", "http://169.254.170.23/v1/credentials"),
        ("AWS_CONTAINER_CREDENTIALS_RELATIVE_URI", "/v2/credentials/abc"),
        ("AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE", "/var/run/secrets/pods.eks.amazonaws.com/serviceaccount/eks-pod-identity-token"),
        ("AWS_CONTAINER_AUTHORIZATION_TOKEN", "container-token-123456"),
        ("AWS_WEB_IDENTITY_TOKEN_FILE", "/var/run/secrets/eks.amazonaws.com/serviceaccount/token"),
        ("AWS_ROLE_ARN", "arn:aws:iam::123456789012:role/claude"),
        ("AWS_ROLE_SESSION_NAME", "claude-session"),
        ("AWS_ENDPOINT_URL_STS", "https://sts.us-west-2.amazonaws.com"),
        ("AWS_ENDPOINT_URL_SSO", "https://portal.sso.us-west-2.amazonaws.com"),
        ("AWS_ENDPOINT_URL_BEDROCK_RUNTIME", "https://bedrock-runtime.vpce.example"),
        ("AWS_ENDPOINT_URL", "https://aws-proxy.example"),
        ("AWS_EC2_METADATA_SERVICE_ENDPOINT", "http://169.254.169.254"),
        ("AWS_EC2_METADATA_SERVICE_ENDPOINT_MODE", "IPv4"),
    ];

    private static Dictionary<string, string> Env(params (string, string)[] selection) =>
        TestEnv.Of([("PATH", "/usr/bin"), ("AWS_REGION", "us-west-2"), .. AwsSourceVariables, .. selection]);

    [Theory]
    [InlineData("CLAUDE_CODE_USE_ANTHROPIC_AWS")]
    [InlineData("CLAUDE_CODE_USE_BEDROCK")]
    public void AWS_backend_launches_carry_every_AWS_source_variable(string selector)
    {
        var child = LaunchEnvironment.Build(Env((selector, "1"), ("ANTHROPIC_AWS_WORKSPACE_ID", TestEnv.WorkspaceId)), HostSettings.Empty, LaunchTarget.ClaudeCode).Variables;

        foreach (var (name, value) in AwsSourceVariables)
        {
            Assert.True(child.TryGetValue(name, out var passed) && passed == value, name);
        }
    }

    [Theory]
    [InlineData(null, LaunchTarget.ClaudeCode)]
    [InlineData("CLAUDE_CODE_USE_VERTEX", LaunchTarget.ClaudeCode)]
    [InlineData("CLAUDE_CODE_USE_ANTHROPIC_AWS", LaunchTarget.Codex)]
    [InlineData("CLAUDE_CODE_USE_BEDROCK", LaunchTarget.Gemini)]
    [InlineData("CLAUDE_CODE_USE_ANTHROPIC_AWS", LaunchTarget.OpenCode)]
    public void Other_launches_get_no_AWS_source_variable(string? selector, LaunchTarget target)
    {
        var env = selector is null ? Env() : Env((selector, "1"));

        var child = LaunchEnvironment.Build(env, HostSettings.Empty, target).Variables;

        Assert.DoesNotContain(child.Keys, k => k.StartsWith("AWS_", StringComparison.Ordinal));
    }
}
