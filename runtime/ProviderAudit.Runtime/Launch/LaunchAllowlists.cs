using ProviderAudit.Runtime.Settings;

namespace ProviderAudit.Runtime.Launch;

/// <summary>Which variables each launch target may receive, before backend variables are added.</summary>
internal static class LaunchAllowlists
{
    /// <summary>Every target: the basics a process needs, locale, proxies (both cases) and CA bundles.</summary>
    public static readonly string[] CommonNames =
    [
        "PATH", "HOME", "USER", "LOGNAME", "SHELL", "TERM", "COLORTERM", "TMPDIR", "TMP", "TEMP", "TZ", "LANG", "LANGUAGE",
        "XDG_CONFIG_HOME", "XDG_CACHE_HOME", "XDG_DATA_HOME", "XDG_STATE_HOME", "XDG_RUNTIME_DIR",
        "HTTPS_PROXY", "https_proxy", "HTTP_PROXY", "http_proxy", "NO_PROXY", "no_proxy", "ALL_PROXY", "all_proxy",
        "SSL_CERT_FILE", "SSL_CERT_DIR", "NODE_EXTRA_CA_CERTS", "REQUESTS_CA_BUNDLE", "CURL_CA_BUNDLE",
    ];

    public static readonly string[] CommonPrefixes = ["LC_"];

    public static (string[] Names, string[] Prefixes) ForTarget(LaunchTarget target) => target switch
    {
        LaunchTarget.ClaudeCode => (
            [
                EnvironmentVariableNames.ClaudeConfigDir, EnvironmentVariableNames.AnthropicModel, EnvironmentVariableNames.SmallFastModel,
                EnvironmentVariableNames.DefaultOpusModel, EnvironmentVariableNames.DefaultSonnetModel, EnvironmentVariableNames.DefaultHaikuModel,
                "DISABLE_TELEMETRY", "DISABLE_ERROR_REPORTING", "DISABLE_AUTOUPDATER", "MAX_THINKING_TOKENS",
            ],
            ["CLAUDE_CODE_"]),
        LaunchTarget.Codex => ([], ["OPENAI_", "CODEX_"]),
        LaunchTarget.Gemini => ([], ["GEMINI_", "GOOGLE_"]),
        LaunchTarget.OpenCode => ([], ["OPENCODE_"]),
        _ => throw new ArgumentOutOfRangeException(nameof(target), target, "Unknown launch target."),
    };

    /// <summary>Never reaches a non-Anthropic target, whatever its allowlist says.</summary>
    public static readonly string[] ClaudeOnlyPrefixes = ["CLAUDE_CODE_", "ANTHROPIC_", "AWS_"];

    public static bool Allowed(string name, string[] names, string[] prefixes) =>
        names.Contains(name, StringComparer.Ordinal) || prefixes.Any(p => name.StartsWith(p, StringComparison.Ordinal));
}
