using System.Text.Json;
using ProviderHost;

namespace ProviderAudit.Runtime.Tests;

/// <summary>
/// Each class of bad input the randomized suite found, pinned by one example: it is a named not-ready (or a warning),
/// never a crash, never a leak, never a forged line of output.
/// </summary>
public class BadInputTests
{
    private const string LongSecret = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY+0123456789abcdefghijklmnopqrstuvwxyzABCDEFG";

    // A secret with no credential shape (quoting would show it): only the scrubber's knowledge of it keeps it out.
    private const string Passphrase = "correct-horse-battery-staple-orange-tiger-river-candle-mountain-violet-sunset-42";

    private static RuntimeStatus Status(IReadOnlyDictionary<string, string> env) => TestEnv.Status(env, check: new TestEnv.AlwaysAvailable());

    private static Dictionary<string, string> Cpa() => TestEnv.Of(
        ("ANTHROPIC_AWS_WORKSPACE_ID", TestEnv.WorkspaceId), ("AWS_REGION", "us-west-2"), ("ANTHROPIC_AWS_API_KEY", TestEnv.CpaKey));

    // --- a value ending in a newline passes a $-anchored check and then throws -------------------------------------

    [Theory]
    [InlineData("AWS_REGION", "us-west-2\n")]
    [InlineData("AWS_REGION", "us-west-2\r\n")]
    [InlineData("AWS_DEFAULT_REGION", "us-west-2\n")]
    public void A_CPA_region_ending_in_a_newline_is_a_named_not_ready_not_a_crash(string variable, string region)
    {
        var env = Cpa().Without("AWS_REGION").With(variable, region);
        var status = Status(env);
        Assert.False(status.Ready);
        Assert.Contains(status.Problems, p => p.Variable == variable);
    }

    [Fact]
    public void A_Bedrock_region_ending_in_a_newline_is_a_named_not_ready()
    {
        var status = Status(TestEnv.Of(("CLAUDE_CODE_USE_BEDROCK", "1"), ("AWS_REGION", "us-east-1\n"), ("AWS_BEARER_TOKEN_BEDROCK", "bedrock-key-0123456789")));
        Assert.False(status.Ready);
        Assert.Contains(status.Problems, p => p.Variable == "AWS_REGION");
    }

    [Fact]
    public void A_Vertex_region_ending_in_a_newline_is_a_named_not_ready()
    {
        var status = Status(TestEnv.Of(("CLAUDE_CODE_USE_VERTEX", "1"), ("CLOUD_ML_REGION", "us-east5\n"), ("ANTHROPIC_VERTEX_PROJECT_ID", "my-project-123"), ("CLAUDE_CODE_SKIP_VERTEX_AUTH", "1")));
        Assert.False(status.Ready);
        Assert.Contains(status.Problems, p => p.Variable == "CLOUD_ML_REGION");
    }

    [Fact]
    public void A_Foundry_resource_ending_in_a_newline_is_a_named_not_ready()
    {
        var status = Status(TestEnv.Of(("CLAUDE_CODE_USE_FOUNDRY", "1"), ("ANTHROPIC_FOUNDRY_RESOURCE", "my-foundry\n"), ("ANTHROPIC_FOUNDRY_API_KEY", "foundry-key-0123456789")));
        Assert.False(status.Ready);
        Assert.Contains(status.Problems, p => p.Variable == "ANTHROPIC_FOUNDRY_RESOURCE");
    }

    // --- a model pin is checked whole, as the launched tool receives it ---------------------------------------------------

    [Fact]
    public void A_model_pin_is_read_whole()
    {
        Assert.Equal("claude-opus-4-5\n", ModelPins.From(TestEnv.Of(("ANTHROPIC_DEFAULT_OPUS_MODEL", "claude-opus-4-5\n"))).Opus);
    }

    [Theory]
    [InlineData("ANTHROPIC_DEFAULT_SONNET_MODEL", "claude-sonnet-4-6\n")]
    [InlineData("ANTHROPIC_DEFAULT_OPUS_MODEL", "claude-opus-4-5\r\n")]
    [InlineData("ANTHROPIC_DEFAULT_HAIKU_MODEL", " claude-haiku-4-5\t")]
    public void A_model_pin_with_a_line_break_or_padding_is_a_named_warning(string variable, string pin)
    {
        var status = Status(TestEnv.Of(("ANTHROPIC_API_KEY", TestEnv.FirstPartyKey), (variable, pin)));
        Assert.True(status.Ready);
        var warning = Assert.Single(status.Warnings, w => w.StartsWith(variable + "=", StringComparison.Ordinal));
        Assert.Contains("whitespace or control characters", warning, StringComparison.Ordinal);
        Assert.DoesNotContain(warning, char.IsControl);
    }

    // --- values that go into headers or URLs --------------------------------------------------------------------------

    [Theory]
    [InlineData("ANTHROPIC_API_KEY")]
    [InlineData("ANTHROPIC_AUTH_TOKEN")]
    [InlineData("CLAUDE_CODE_OAUTH_TOKEN")]
    public void A_first_party_credential_with_a_line_break_inside_is_a_named_not_ready(string variable)
    {
        var status = Status(TestEnv.Of((variable, "sk-ant-api03-abcdefgh\nijklmnop-0123")));
        Assert.False(status.Ready);
        Assert.Contains(status.Problems, p => p.Variable == variable);
    }

    [Fact]
    public void A_credential_with_surrounding_whitespace_is_accepted()
    {
        Assert.True(Status(TestEnv.Of(("ANTHROPIC_API_KEY", $"  {TestEnv.FirstPartyKey}\n"))).Ready);
    }

    [Theory]
    [InlineData("AWS_ACCESS_KEY_ID", "AKIA EXAMPLE")]
    [InlineData("AWS_SECRET_ACCESS_KEY", "wJalrXUtnFEMI/K7MDENG\n/bPxRfiCYEXAMPLEKEY")]
    [InlineData("AWS_SESSION_TOKEN", "FwoGZXIvYXdz\u0007EXAMPLE")]
    public void An_AWS_key_with_a_stray_character_inside_is_a_named_not_ready(string variable, string value)
    {
        var env = Cpa().Without("ANTHROPIC_AWS_API_KEY")
            .With("AWS_ACCESS_KEY_ID", "AKIAEXAMPLE").With("AWS_SECRET_ACCESS_KEY", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY").With(variable, value);
        var status = Status(env);
        Assert.False(status.Ready);
        Assert.Contains(status.Problems, p => p.Variable == variable);
    }

    [Fact]
    public void Every_bad_AWS_value_is_named_not_only_the_first()
    {
        var env = Cpa().Without("ANTHROPIC_AWS_API_KEY")
            .With("AWS_PROFILE", "c\u0007c").With("AWS_ACCESS_KEY_ID", "AKIAEXAMPLE").With("AWS_SECRET_ACCESS_KEY", "wJalrXUtnFEMI K7MDENG");
        var status = Status(env);
        Assert.Contains(status.Problems, p => p.Variable == "AWS_PROFILE");
        Assert.Contains(status.Problems, p => p.Variable == "AWS_SECRET_ACCESS_KEY");
    }

    [Theory]
    [InlineData("https://gateway.example.com/\r\nX-Injected: 1")]
    [InlineData("https://gateway\u200b.example.com")]
    [InlineData("https://gate way.example.com")]
    public void A_base_url_with_control_or_invisible_characters_inside_is_a_named_not_ready(string baseUrl)
    {
        var status = Status(Cpa().With("ANTHROPIC_AWS_BASE_URL", baseUrl));
        Assert.False(status.Ready);
        Assert.Contains(status.Problems, p => p.Variable == "ANTHROPIC_AWS_BASE_URL");
    }

    [Theory]
    [InlineData("My_Project")]
    [InlineData("project/../../other")]
    [InlineData("my-project\n")]
    public void A_Vertex_project_id_that_is_not_one_is_a_named_not_ready(string projectId)
    {
        var status = Status(TestEnv.Of(("CLAUDE_CODE_USE_VERTEX", "1"), ("CLOUD_ML_REGION", "us-east5"), ("ANTHROPIC_VERTEX_PROJECT_ID", projectId), ("CLAUDE_CODE_SKIP_VERTEX_AUTH", "1")));
        Assert.False(status.Ready);
        Assert.Contains(status.Problems, p => p.Variable == "ANTHROPIC_VERTEX_PROJECT_ID");
    }

    [Fact]
    public void A_CLAUDE_CONFIG_DIR_with_a_control_character_is_a_named_not_ready()
    {
        var status = Status(TestEnv.Of(("CLAUDE_CONFIG_DIR", "/home/u/.claude\n")));
        Assert.False(status.Ready);
        Assert.Equal("CLAUDE_CONFIG_DIR", Assert.Single(status.Problems).Variable);
    }

    [Fact]
    public void A_skip_auth_flag_that_is_neither_on_nor_off_is_warned_about()
    {
        var status = Status(TestEnv.Of(("CLAUDE_CODE_USE_BEDROCK", "1"), ("AWS_REGION", "us-east-1"), ("AWS_BEARER_TOKEN_BEDROCK", "bedrock-key-0123456789"), ("CLAUDE_CODE_SKIP_BEDROCK_AUTH", "enabled")));
        Assert.Contains(status.Warnings, w => w.Contains("CLAUDE_CODE_SKIP_BEDROCK_AUTH", StringComparison.Ordinal));
    }

    // --- a secret pasted into the wrong variable ---------------------------------------------------------------------

    [Fact]
    public void A_secret_longer_than_the_quoted_excerpt_in_the_wrong_variable_leaves_no_fragment_in_status()
    {
        var env = Cpa().With("AWS_SECRET_ACCESS_KEY", Passphrase).With("AWS_REGION", Passphrase);
        AssertNoFragment(TestEnv.AllText(Status(env)), Passphrase);
    }

    [Fact]
    public void A_secret_with_a_control_character_in_the_wrong_variable_leaves_no_fragment_in_status()
    {
        var env = Cpa().With("AWS_SECRET_ACCESS_KEY", Passphrase).With("ANTHROPIC_AWS_WORKSPACE_ID", Passphrase[..30] + "\u0007" + Passphrase[30..]);
        AssertNoFragment(TestEnv.AllText(Status(env)), Passphrase);
    }

    [Fact]
    public void A_secret_pasted_into_a_selector_leaves_no_fragment_in_the_selection_warnings()
    {
        var env = TestEnv.Of(("ANTHROPIC_API_KEY", Passphrase), ("CLAUDE_CODE_USE_BEDROCK", Passphrase[..40] + "\n"));
        var selection = BackendResolver.Resolve(env, HostSettings.Empty, LaunchTarget.ClaudeCode);
        Assert.Contains(selection.Warnings, w => w.Contains("CLAUDE_CODE_USE_BEDROCK", StringComparison.Ordinal));
        AssertNoFragment(selection.Warnings, Passphrase);
    }

    [Fact]
    public void An_Anthropic_key_alone_in_the_wrong_variable_is_not_quoted()
    {
        var key = "sk-ant-api03-" + LongSecret.Replace("/", "", StringComparison.Ordinal).Replace("+", "", StringComparison.Ordinal);
        var status = Status(Cpa().With("AWS_REGION", key));
        Assert.Contains(status.Problems, p => p.Variable == "AWS_REGION" && p.Message.Contains("looks like a credential", StringComparison.Ordinal));
        AssertNoFragment(TestEnv.AllText(status), key["sk-ant-api03-".Length..]);
    }

    [Fact]
    public void A_secret_pasted_into_the_wrong_variable_leaves_no_fragment_in_status_json_text_or_launch_output()
    {
        var env = Cpa().With("AWS_SECRET_ACCESS_KEY", Passphrase).With("AWS_REGION", Passphrase + "\n").With("CLAUDE_CODE_USE_VERTEX", Passphrase[5..70])
            .With("ANTHROPIC_AWS_WORKSPACE_ID", "wrkspc_" + LongSecret[..50] + "\r");
        var outputs = new List<string>();
        foreach (var args in new string[][] { ["status"], ["status", "--json"], ["launch", "claude-code", "--force", "--", "claude"] })
        {
            var stdout = new StringWriter();
            var stderr = new StringWriter();
            ProviderHostCli.Run(args, env, stdout, stderr, new NoChild(), TestEnv.NoFiles);
            outputs.Add(stdout.ToString());
            outputs.Add(stderr.ToString());
        }

        using var json = JsonDocument.Parse(outputs[2]);
        outputs.Add(json.RootElement.GetRawText());
        AssertNoFragment(outputs, Passphrase);
        AssertNoFragment(outputs, LongSecret);
    }

    // --- control characters never reach output raw -------------------------------------------------------------------

    [Fact]
    public void A_profile_name_cannot_forge_a_line_of_status_output()
    {
        var env = Cpa().Without("ANTHROPIC_AWS_API_KEY").With("AWS_PROFILE", "cc\nReady:          yes");
        var stdout = new StringWriter();
        ProviderHostCli.Run(["status"], env, stdout, new StringWriter(), new NoChild(), TestEnv.NoFiles);
        Assert.DoesNotContain(stdout.ToString().Split('\n'), line => line.StartsWith("Ready:          yes", StringComparison.Ordinal));
    }

    [Fact]
    public void A_base_url_with_a_line_break_shows_escaped()
    {
        var status = Status(TestEnv.Of(("ANTHROPIC_API_KEY", TestEnv.FirstPartyKey), ("ANTHROPIC_BASE_URL", "https://gw.example.com/\nReady: yes")));
        Assert.False(status.Ready);
        Assert.DoesNotContain(TestEnv.AllText(status), t => t.Any(char.IsControl));
    }

    [Fact]
    public void A_file_path_with_a_bell_character_shows_escaped()
    {
        var env = Cpa().Without("ANTHROPIC_AWS_API_KEY").With("AWS_SHARED_CREDENTIALS_FILE", "/tmp/creds\u0007\u001b[2J").With("AWS_CONFIG_FILE", "/tmp/config\u0007");
        var status = Status(env);
        Assert.False(status.Ready);
        Assert.DoesNotContain(TestEnv.AllText(status), t => t.Any(char.IsControl));
    }

    private static void AssertNoFragment(IEnumerable<string> texts, string secret)
    {
        foreach (var text in texts)
        {
            for (var i = 0; i + SecretScrubber.FragmentLength <= secret.Length; i++)
            {
                var fragment = secret.Substring(i, SecretScrubber.FragmentLength);
                if (text.Contains(fragment, StringComparison.Ordinal))
                {
                    Assert.Fail($"\"{fragment}\" (part of a secret) appears in: {text}");
                }
            }
        }
    }

    private sealed class NoChild : IChildProcessRunner
    {
        public int Run(string command, IReadOnlyList<string> arguments, IReadOnlyDictionary<string, string> environment) => 0;
    }
}
