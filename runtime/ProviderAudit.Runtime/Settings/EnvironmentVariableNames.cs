namespace ProviderAudit.Runtime.Settings;

/// <summary>
/// The environment variable names several parts of the runtime share (the selector prefix, custom headers, Claude Code's
/// config directory, model pins), spelled once. Each backend's own variables are spelled in its folder
/// (<c>Backends/&lt;backend&gt;/…Variables.cs</c>), the AWS ones in <c>AwsCredentials/AwsVariables.cs</c>; docs/runtime.md lists them all.
/// </summary>
public static class EnvironmentVariableNames
{
#pragma warning disable CS1591 // The names document themselves; see docs/runtime.md for what each does.
    public const string SelectorPrefix = "CLAUDE_CODE_USE_";
    public const string ProviderManagedByHost = "CLAUDE_CODE_PROVIDER_MANAGED_BY_HOST";

    public const string AnthropicCustomHeaders = "ANTHROPIC_CUSTOM_HEADERS";
    public const string ClaudeConfigDir = "CLAUDE_CONFIG_DIR";

    public const string AnthropicModel = "ANTHROPIC_MODEL";
    public const string SmallFastModel = "ANTHROPIC_SMALL_FAST_MODEL";
    public const string SubagentModel = "CLAUDE_CODE_SUBAGENT_MODEL";
    public const string DefaultOpusModel = "ANTHROPIC_DEFAULT_OPUS_MODEL";
    public const string DefaultSonnetModel = "ANTHROPIC_DEFAULT_SONNET_MODEL";
    public const string DefaultHaikuModel = "ANTHROPIC_DEFAULT_HAIKU_MODEL";
#pragma warning restore CS1591
}
