namespace ProviderAudit.Runtime.Tests;

public class BackendResolverTests
{
    private static RuntimeBackend? Resolve(Dictionary<string, string> env, LaunchTarget target = LaunchTarget.ClaudeCode) =>
        BackendResolver.Resolve(env, HostSettings.Empty, target).Backend;

    [Fact]
    public void Bedrock_remains_selected_when_CLAUDE_CODE_USE_BEDROCK_and_workspace_id_are_both_present()
    {
        var env = TestEnv.Of(("CLAUDE_CODE_USE_BEDROCK", "1"), ("ANTHROPIC_AWS_WORKSPACE_ID", TestEnv.WorkspaceId), ("AWS_REGION", "us-east-1"));
        Assert.Same(RuntimeBackends.Bedrock, Resolve(env));
    }

    [Fact]
    public void Bedrock_wins_over_explicit_CLAUDE_CODE_USE_ANTHROPIC_AWS()
    {
        var env = TestEnv.Of(("CLAUDE_CODE_USE_BEDROCK", "true"), ("CLAUDE_CODE_USE_ANTHROPIC_AWS", "1"), ("ANTHROPIC_AWS_WORKSPACE_ID", TestEnv.WorkspaceId));
        Assert.Same(RuntimeBackends.Bedrock, Resolve(env));
    }

    [Fact]
    public void AWS_PROFILE_and_AWS_REGION_alone_do_not_select_Claude_Platform_on_AWS()
    {
        var env = TestEnv.Of(("AWS_PROFILE", "cc"), ("AWS_REGION", "us-west-2"), ("AWS_DEFAULT_REGION", "us-west-2"));
        Assert.Same(RuntimeBackends.FirstParty, Resolve(env));
    }

    [Fact]
    public void AWS_access_keys_alone_do_not_select_Claude_Platform_on_AWS_or_Bedrock()
    {
        var env = TestEnv.Of(("AWS_ACCESS_KEY_ID", "AKIDEXAMPLE"), ("AWS_SECRET_ACCESS_KEY", TestEnv.AwsSecret), ("AWS_REGION", "us-west-2"));
        Assert.Same(RuntimeBackends.FirstParty, Resolve(env));
    }

    [Fact]
    public void Workspace_id_selects_Claude_Platform_on_AWS_for_an_Anthropic_compatible_target()
    {
        var env = TestEnv.Of(("ANTHROPIC_AWS_WORKSPACE_ID", TestEnv.WorkspaceId));
        Assert.Same(RuntimeBackends.ClaudePlatformAws, Resolve(env, LaunchTarget.ClaudeCode));
    }

    [Theory]
    [InlineData(LaunchTarget.Codex)]
    [InlineData(LaunchTarget.Gemini)]
    [InlineData(LaunchTarget.OpenCode)]
    public void Workspace_id_does_not_select_a_backend_for_non_Anthropic_targets(LaunchTarget target)
    {
        var env = TestEnv.Of(("ANTHROPIC_AWS_WORKSPACE_ID", TestEnv.WorkspaceId), ("AWS_REGION", "us-west-2"));
        Assert.Null(Resolve(env, target));
    }

    [Theory]
    [InlineData(LaunchTarget.Codex)]
    [InlineData(LaunchTarget.Gemini)]
    [InlineData(LaunchTarget.OpenCode)]
    public void Non_Anthropic_targets_are_not_redirected_by_any_Claude_selector(LaunchTarget target)
    {
        var env = TestEnv.Of(
            ("CLAUDE_CODE_USE_BEDROCK", "1"), ("CLAUDE_CODE_USE_FOUNDRY", "1"), ("CLAUDE_CODE_USE_ANTHROPIC_AWS", "1"),
            ("CLAUDE_CODE_USE_VERTEX", "1"), ("ANTHROPIC_AWS_WORKSPACE_ID", TestEnv.WorkspaceId));
        var selection = BackendResolver.Resolve(env, HostSettings.Empty, target);
        Assert.Null(selection.Backend);
        Assert.Contains(selection.Warnings, w => w.Contains("ignored for " + target.Name(), StringComparison.Ordinal));
    }

    [Fact]
    public void Settings_env_does_not_reach_non_Anthropic_targets()
    {
        var settings = new HostSettings(env: TestEnv.Of(("CLAUDE_CODE_USE_ANTHROPIC_AWS", "1")));
        Assert.Null(BackendResolver.Resolve(TestEnv.Of(), settings, LaunchTarget.Codex).Backend);
    }

    [Theory]
    [InlineData(new[] { "CLAUDE_CODE_USE_BEDROCK", "CLAUDE_CODE_USE_FOUNDRY", "CLAUDE_CODE_USE_ANTHROPIC_AWS", "CLAUDE_CODE_USE_VERTEX", "ANTHROPIC_AWS_WORKSPACE_ID" }, "bedrock")]
    [InlineData(new[] { "CLAUDE_CODE_USE_FOUNDRY", "CLAUDE_CODE_USE_ANTHROPIC_AWS", "CLAUDE_CODE_USE_VERTEX", "ANTHROPIC_AWS_WORKSPACE_ID" }, "foundry")]
    [InlineData(new[] { "CLAUDE_CODE_USE_ANTHROPIC_AWS", "CLAUDE_CODE_USE_VERTEX", "ANTHROPIC_AWS_WORKSPACE_ID" }, "claude-platform-aws")]
    [InlineData(new[] { "CLAUDE_CODE_USE_VERTEX", "ANTHROPIC_AWS_WORKSPACE_ID" }, "vertex")]
    [InlineData(new[] { "ANTHROPIC_AWS_WORKSPACE_ID" }, "claude-platform-aws")]
    [InlineData(new string[0], "first-party")]
    public void Selection_follows_the_documented_order(string[] setVariables, string expectedId)
    {
        var env = setVariables.ToDictionary(v => v, v => v == "ANTHROPIC_AWS_WORKSPACE_ID" ? TestEnv.WorkspaceId : "1", StringComparer.Ordinal);
        Assert.Equal(expectedId, Resolve(env)!.Id);
    }

    [Theory]
    [InlineData("1", true)]
    [InlineData("true", true)]
    [InlineData("TRUE", true)]
    [InlineData(" Yes ", true)]
    [InlineData("on", true)]
    [InlineData("ON\n", true)]
    [InlineData("0", false)]
    [InlineData("false", false)]
    [InlineData("no", false)]
    [InlineData("off", false)]
    [InlineData("", false)]
    [InlineData("2", false)]
    [InlineData("enabled", false)]
    [InlineData("y", false)]
    public void Truthy_values_are_1_true_yes_on_in_any_case_trimmed(string value, bool expected)
    {
        Assert.Equal(expected, EnvFlag.IsTruthy(value));
        var env = TestEnv.Of(("CLAUDE_CODE_USE_BEDROCK", value));
        Assert.Equal(expected ? "bedrock" : "first-party", Resolve(env)!.Id);
    }

    [Fact]
    public void Unrecognized_selector_value_counts_as_off_with_a_warning_naming_it()
    {
        var selection = BackendResolver.Resolve(TestEnv.Of(("CLAUDE_CODE_USE_BEDROCK", "enabled")), HostSettings.Empty, LaunchTarget.ClaudeCode);
        Assert.Same(RuntimeBackends.FirstParty, selection.Backend);
        Assert.Contains(selection.Warnings, w => w.Contains("CLAUDE_CODE_USE_BEDROCK=\"enabled\"", StringComparison.Ordinal) && w.Contains("counts as off", StringComparison.Ordinal));
    }

    [Fact]
    public void Whitespace_only_workspace_id_does_not_select_Claude_Platform_on_AWS()
    {
        Assert.Same(RuntimeBackends.FirstParty, Resolve(TestEnv.Of(("ANTHROPIC_AWS_WORKSPACE_ID", "  \t"))));
    }

    [Fact]
    public void Multiple_selectors_produce_a_warning_naming_the_winner_and_why()
    {
        var env = TestEnv.Of(("CLAUDE_CODE_USE_BEDROCK", "1"), ("ANTHROPIC_AWS_WORKSPACE_ID", TestEnv.WorkspaceId));
        var warning = Assert.Single(BackendResolver.Resolve(env, HostSettings.Empty, LaunchTarget.ClaudeCode).Warnings);
        Assert.Contains("using Amazon Bedrock because CLAUDE_CODE_USE_BEDROCK takes precedence over ANTHROPIC_AWS_WORKSPACE_ID (Claude Platform on AWS)", warning, StringComparison.Ordinal);
    }

    [Fact]
    public void CPA_flag_together_with_workspace_id_is_not_a_conflict()
    {
        var selection = BackendResolver.Resolve(TestEnv.CpaWithProfile(), HostSettings.Empty, LaunchTarget.ClaudeCode);
        Assert.Same(RuntimeBackends.ClaudePlatformAws, selection.Backend);
        Assert.Empty(selection.Warnings);
    }

    [Fact]
    public void Settings_env_applies_on_top_of_the_process_environment()
    {
        var settings = new HostSettings(env: TestEnv.Of(("CLAUDE_CODE_USE_BEDROCK", "0"), ("ANTHROPIC_AWS_WORKSPACE_ID", TestEnv.WorkspaceId)));
        var selection = BackendResolver.Resolve(TestEnv.Of(("CLAUDE_CODE_USE_BEDROCK", "1")), settings, LaunchTarget.ClaudeCode);
        Assert.Same(RuntimeBackends.ClaudePlatformAws, selection.Backend);
    }
}
