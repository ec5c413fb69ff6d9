namespace ProviderAudit.Runtime.Tests;

public class LaunchEnvironmentTests
{
    /// <summary>A host environment holding every backend's variables, proxies, CA bundles and other tools' keys at once.</summary>
    private static Dictionary<string, string> Everything() => TestEnv.Of(
        ("PATH", "/usr/bin:/bin"), ("HOME", "/home/u"), ("LANG", "en_US.UTF-8"), ("LC_ALL", "en_US.UTF-8"), ("TERM", "xterm"),
        ("HTTPS_PROXY", "http://proxy:3128"), ("https_proxy", "http://proxy:3128"), ("HTTP_PROXY", "http://proxy:3128"),
        ("http_proxy", "http://proxy:3128"), ("NO_PROXY", "localhost"), ("no_proxy", "localhost"),
        ("SSL_CERT_FILE", "/etc/ssl/ca.pem"), ("NODE_EXTRA_CA_CERTS", "/etc/ssl/extra.pem"), ("REQUESTS_CA_BUNDLE", "/etc/ssl/ca.pem"),
        ("ANTHROPIC_API_KEY", TestEnv.FirstPartyKey), ("ANTHROPIC_AUTH_TOKEN", "auth-token-123456"), ("CLAUDE_CODE_OAUTH_TOKEN", "oauth-123456"),
        ("ANTHROPIC_BASE_URL", "https://api.anthropic.com"), ("ANTHROPIC_CUSTOM_HEADERS", "x-api-key: leaked"),
        ("ANTHROPIC_AWS_WORKSPACE_ID", TestEnv.WorkspaceId), ("ANTHROPIC_AWS_API_KEY", TestEnv.CpaKey), ("ANTHROPIC_AWS_BASE_URL", "https://gw.example.com"),
        ("AWS_REGION", "us-west-2"), ("AWS_PROFILE", "cc"), ("AWS_ACCESS_KEY_ID", "AKIDEXAMPLE"), ("AWS_SECRET_ACCESS_KEY", TestEnv.AwsSecret),
        ("AWS_SESSION_TOKEN", "session-token-123456"), ("AWS_CONFIG_FILE", "/home/u/.aws/config"), ("AWS_BEARER_TOKEN_BEDROCK", "bedrock-token-123456"),
        ("CLOUD_ML_REGION", "us-east5"), ("ANTHROPIC_VERTEX_PROJECT_ID", "proj"), ("GOOGLE_APPLICATION_CREDENTIALS", "/k.json"),
        ("ANTHROPIC_FOUNDRY_RESOURCE", "res"), ("ANTHROPIC_FOUNDRY_API_KEY", "foundry-key-123456"),
        ("OPENAI_API_KEY", "openai-key-123456"), ("CODEX_HOME", "/home/u/.codex"), ("GEMINI_API_KEY", "gemini-key-123456"),
        ("OPENCODE_CONFIG", "/home/u/.opencode.json"), ("CLAUDE_CONFIG_DIR", "/home/u/.claude"), ("CLAUDE_CODE_MAX_OUTPUT_TOKENS", "4096"),
        ("UNRELATED_SECRET", "db-password-123456"));

    private static Dictionary<string, string> Select(Dictionary<string, string> env, string? selector)
    {
        if (selector is not null)
        {
            env[selector] = "1";
        }

        return env;
    }

    private static IReadOnlyDictionary<string, string> Launch(Dictionary<string, string> env, LaunchTarget target = LaunchTarget.ClaudeCode, HostSettings? settings = null) =>
        LaunchEnvironment.Build(env, settings ?? HostSettings.Empty, target).Variables;

    private static readonly string[] FirstPartyCredentials = ["ANTHROPIC_API_KEY", "ANTHROPIC_AUTH_TOKEN", "CLAUDE_CODE_OAUTH_TOKEN", "ANTHROPIC_BASE_URL", "ANTHROPIC_CUSTOM_HEADERS"];

    [Fact]
    public void Claude_Code_with_CPA_sets_the_CPA_selector_and_host_managed_flag()
    {
        var child = Launch(Select(Everything(), "CLAUDE_CODE_USE_ANTHROPIC_AWS"));
        Assert.Equal("1", child["CLAUDE_CODE_USE_ANTHROPIC_AWS"]);
        Assert.Equal("1", child["CLAUDE_CODE_PROVIDER_MANAGED_BY_HOST"]);
    }

    [Fact]
    public void Claude_Code_with_CPA_selected_by_workspace_id_alone_still_gets_the_explicit_selector()
    {
        var env = TestEnv.Of(("PATH", "/bin"), ("ANTHROPIC_AWS_WORKSPACE_ID", TestEnv.WorkspaceId), ("AWS_REGION", "us-west-2"));
        Assert.Equal("1", Launch(env)["CLAUDE_CODE_USE_ANTHROPIC_AWS"]);
    }

    [Fact]
    public void Claude_Code_with_CPA_passes_CPA_region_and_AWS_credential_variables()
    {
        var child = Launch(Select(Everything(), "CLAUDE_CODE_USE_ANTHROPIC_AWS"));
        foreach (var name in new[] { "ANTHROPIC_AWS_WORKSPACE_ID", "ANTHROPIC_AWS_API_KEY", "ANTHROPIC_AWS_BASE_URL", "AWS_REGION", "AWS_PROFILE", "AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN", "AWS_CONFIG_FILE" })
        {
            Assert.True(child.ContainsKey(name), name);
        }
    }

    [Fact]
    public void No_first_party_credential_reaches_a_CPA_launch()
    {
        var child = Launch(Select(Everything(), "CLAUDE_CODE_USE_ANTHROPIC_AWS"));
        foreach (var name in FirstPartyCredentials)
        {
            Assert.False(child.ContainsKey(name), name);
        }
    }

    [Fact]
    public void CPA_launch_removes_every_other_CLAUDE_CODE_USE_selector_and_other_backends_variables()
    {
        var env = Select(Select(Everything(), "CLAUDE_CODE_USE_ANTHROPIC_AWS"), "CLAUDE_CODE_USE_VERTEX");
        var child = Launch(env);
        Assert.Equal(["CLAUDE_CODE_USE_ANTHROPIC_AWS"], child.Keys.Where(k => k.StartsWith("CLAUDE_CODE_USE_", StringComparison.Ordinal)));
        foreach (var name in new[] { "AWS_BEARER_TOKEN_BEDROCK", "CLOUD_ML_REGION", "ANTHROPIC_VERTEX_PROJECT_ID", "GOOGLE_APPLICATION_CREDENTIALS", "ANTHROPIC_FOUNDRY_API_KEY", "ANTHROPIC_FOUNDRY_RESOURCE" })
        {
            Assert.False(child.ContainsKey(name), name);
        }
    }

    [Theory]
    [InlineData(null, "first-party")]
    [InlineData("CLAUDE_CODE_USE_BEDROCK", "bedrock")]
    [InlineData("CLAUDE_CODE_USE_VERTEX", "vertex")]
    [InlineData("CLAUDE_CODE_USE_FOUNDRY", "foundry")]
    public void Claude_Code_with_another_backend_gets_no_CPA_variables(string? selector, string backendId)
    {
        // Everything() carries the CPA workspace id, key and base URL; a selector that outranks them wins.
        var env = Select(Everything(), selector);
        if (selector is null)
        {
            // First party is what remains when nothing selects a backend; a stray "off" CPA flag must still not reach it.
            env["CLAUDE_CODE_USE_ANTHROPIC_AWS"] = "0";
            env.Remove("ANTHROPIC_AWS_WORKSPACE_ID");
        }

        var launch = LaunchEnvironment.Build(env, HostSettings.Empty, LaunchTarget.ClaudeCode);
        Assert.Equal(backendId, launch.Backend!.Id);
        Assert.DoesNotContain(launch.Variables.Keys, k => k.StartsWith("ANTHROPIC_AWS_", StringComparison.Ordinal));
        Assert.False(launch.Variables.ContainsKey("CLAUDE_CODE_USE_ANTHROPIC_AWS"));
    }

    [Theory]
    [InlineData("CLAUDE_CODE_USE_BEDROCK", new[] { "AWS_BEARER_TOKEN_BEDROCK", "AWS_REGION", "AWS_PROFILE" })]
    [InlineData("CLAUDE_CODE_USE_VERTEX", new[] { "CLOUD_ML_REGION", "ANTHROPIC_VERTEX_PROJECT_ID", "GOOGLE_APPLICATION_CREDENTIALS" })]
    [InlineData("CLAUDE_CODE_USE_FOUNDRY", new[] { "ANTHROPIC_FOUNDRY_RESOURCE", "ANTHROPIC_FOUNDRY_API_KEY" })]
    public void Claude_Code_with_a_cloud_backend_gets_its_selector_and_variables_only(string selector, string[] expected)
    {
        var child = Launch(Select(Everything().Without("ANTHROPIC_AWS_WORKSPACE_ID"), selector));
        Assert.Equal([selector], child.Keys.Where(k => k.StartsWith("CLAUDE_CODE_USE_", StringComparison.Ordinal)));
        foreach (var name in expected)
        {
            Assert.True(child.ContainsKey(name), name);
        }

        foreach (var name in FirstPartyCredentials)
        {
            Assert.False(child.ContainsKey(name), name);
        }
    }

    [Fact]
    public void Vertex_and_Foundry_launches_get_no_AWS_credentials()
    {
        foreach (var selector in new[] { "CLAUDE_CODE_USE_VERTEX", "CLAUDE_CODE_USE_FOUNDRY" })
        {
            var child = Launch(Select(Everything().Without("ANTHROPIC_AWS_WORKSPACE_ID"), selector));
            Assert.DoesNotContain(child.Keys, k => k.StartsWith("AWS_", StringComparison.Ordinal));
        }
    }

    [Fact]
    public void Claude_Code_first_party_launch_passes_first_party_credentials_and_no_selector()
    {
        var child = Launch(Everything().Without("ANTHROPIC_AWS_WORKSPACE_ID"));
        Assert.Equal(TestEnv.FirstPartyKey, child["ANTHROPIC_API_KEY"]);
        Assert.True(child.ContainsKey("ANTHROPIC_CUSTOM_HEADERS"));
        Assert.DoesNotContain(child.Keys, k => k.StartsWith("CLAUDE_CODE_USE_", StringComparison.Ordinal));
        Assert.DoesNotContain(child.Keys, k => k.StartsWith("AWS_", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(LaunchTarget.ClaudeCode)]
    [InlineData(LaunchTarget.Codex)]
    [InlineData(LaunchTarget.Gemini)]
    [InlineData(LaunchTarget.OpenCode)]
    public void Every_target_gets_path_home_locale_proxies_in_both_cases_and_CA_bundles(LaunchTarget target)
    {
        var child = Launch(Everything(), target);
        foreach (var name in new[] { "PATH", "HOME", "LANG", "LC_ALL", "HTTPS_PROXY", "https_proxy", "HTTP_PROXY", "http_proxy", "NO_PROXY", "no_proxy", "SSL_CERT_FILE", "NODE_EXTRA_CA_CERTS", "REQUESTS_CA_BUNDLE" })
        {
            Assert.True(child.ContainsKey(name), $"{target}: {name}");
        }
    }

    [Theory]
    [InlineData(LaunchTarget.Codex)]
    [InlineData(LaunchTarget.Gemini)]
    [InlineData(LaunchTarget.OpenCode)]
    public void Codex_Gemini_and_OpenCode_launches_get_no_CPA_Claude_selector_or_AWS_variables(LaunchTarget target)
    {
        var env = Select(Select(Everything(), "CLAUDE_CODE_USE_ANTHROPIC_AWS"), "CLAUDE_CODE_USE_BEDROCK");
        var settings = new HostSettings(env: TestEnv.Of(("CLAUDE_CODE_USE_ANTHROPIC_AWS", "1"), ("ANTHROPIC_AWS_API_KEY", TestEnv.CpaKey)));
        var child = Launch(env, target, settings);
        Assert.DoesNotContain(child.Keys, k => k.StartsWith("ANTHROPIC_", StringComparison.Ordinal));
        Assert.DoesNotContain(child.Keys, k => k.StartsWith("CLAUDE_CODE_", StringComparison.Ordinal));
        Assert.DoesNotContain(child.Keys, k => k.StartsWith("AWS_", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(LaunchTarget.Codex, new[] { "OPENAI_API_KEY", "CODEX_HOME" })]
    [InlineData(LaunchTarget.Gemini, new[] { "GEMINI_API_KEY", "GOOGLE_APPLICATION_CREDENTIALS" })]
    [InlineData(LaunchTarget.OpenCode, new[] { "OPENCODE_CONFIG" })]
    public void Non_Anthropic_targets_get_their_own_variables(LaunchTarget target, string[] expected)
    {
        var child = Launch(Everything(), target);
        foreach (var name in expected)
        {
            Assert.True(child.ContainsKey(name), name);
        }
    }

    [Fact]
    public void Other_tools_keys_do_not_reach_Claude_Code()
    {
        var child = Launch(Select(Everything(), "CLAUDE_CODE_USE_ANTHROPIC_AWS"));
        Assert.False(child.ContainsKey("OPENAI_API_KEY"));
        Assert.False(child.ContainsKey("GEMINI_API_KEY"));
        Assert.False(child.ContainsKey("UNRELATED_SECRET"));
        Assert.Equal("/home/u/.claude", child["CLAUDE_CONFIG_DIR"]);
        Assert.Equal("4096", child["CLAUDE_CODE_MAX_OUTPUT_TOKENS"]);
    }

    [Fact]
    public void Settings_env_reaches_Claude_Code_launches()
    {
        var settings = new HostSettings(env: TestEnv.Of(("ANTHROPIC_AWS_WORKSPACE_ID", TestEnv.WorkspaceId), ("AWS_REGION", "eu-west-1")));
        var child = Launch(TestEnv.Of(("PATH", "/bin"), ("AWS_REGION", "us-west-2")), LaunchTarget.ClaudeCode, settings);
        Assert.Equal("eu-west-1", child["AWS_REGION"]);
        Assert.Equal(TestEnv.WorkspaceId, child["ANTHROPIC_AWS_WORKSPACE_ID"]);
        Assert.Equal("1", child["CLAUDE_CODE_USE_ANTHROPIC_AWS"]);
    }

    [Fact]
    public void Dropped_variables_are_reported_by_name()
    {
        var launch = LaunchEnvironment.Build(Select(Everything(), "CLAUDE_CODE_USE_ANTHROPIC_AWS"), HostSettings.Empty, LaunchTarget.ClaudeCode);
        Assert.Contains("ANTHROPIC_API_KEY", launch.DroppedVariables);
        Assert.DoesNotContain(TestEnv.FirstPartyKey, launch.ToString(), StringComparison.Ordinal);
    }
}
