using ProviderHost;

namespace ProviderAudit.Runtime.Tests;

/// <summary>
/// First party with no key in the environment: a Claude Code launch counts Claude Code's own sign-in
/// (<c>claude /login</c>, its <c>.credentials.json</c>) as ready; without one, status is not ready and offers Connect
/// Anthropic. The token itself never shows.
/// </summary>
public sealed class ClaudeCodeSignInTests : IDisposable
{
    private readonly ClaudeCodeHome _home = new();

    public void Dispose() => _home.Dispose();

    private Dictionary<string, string> Env(params (string Name, string Value)[] more) =>
        TestEnv.Of([("HOME", _home.Path), .. more]);

    private RuntimeStatus Status(IReadOnlyDictionary<string, string> env, LaunchTarget target = LaunchTarget.ClaudeCode) =>
        RuntimeStatusEvaluator.Evaluate(env, HostSettings.Empty, target, ClaudeCodeHome.StatusOptions);

    [Fact]
    public void Claude_Code_sign_in_alone_makes_first_party_ready()
    {
        _home.SignedIn(ClaudeCodeHome.Now.AddHours(6));
        var status = Status(Env());
        Assert.Same(RuntimeBackends.FirstParty, status.Backend);
        Assert.True(status.Ready, status.Message);
        Assert.Contains("signed in with Claude Code", status.Message, StringComparison.Ordinal);
        Assert.Contains(status.Details, d => d.Key == "auth" && d.Value.Contains("signed in with Claude Code", StringComparison.Ordinal));
        Assert.DoesNotContain(RuntimeStatus.ConnectAnthropicAction, status.Actions);
    }

    [Fact]
    public void No_sign_in_and_no_key_is_not_ready_and_offers_Connect_Anthropic()
    {
        var status = Status(Env());
        Assert.False(status.Ready);
        Assert.Equal(["Connect Anthropic"], status.Actions);
        Assert.Equal("ANTHROPIC_API_KEY", Assert.Single(status.Problems).Variable);
        Assert.Contains("No Claude Code sign-in was found", status.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void CLAUDE_CONFIG_DIR_is_where_the_sign_in_is_looked_for()
    {
        var configDir = Path.Combine(_home.Path, "work-account");
        _home.SignedIn(ClaudeCodeHome.Now.AddHours(6), directory: configDir);
        Assert.True(Status(Env(("CLAUDE_CONFIG_DIR", configDir))).Ready);
        Assert.False(Status(Env()).Ready); // nothing in ~/.claude
    }

    [Fact]
    public void CLAUDE_CONFIG_DIR_replaces_the_home_directory_rather_than_adding_to_it()
    {
        _home.SignedIn(ClaudeCodeHome.Now.AddHours(6));
        var status = Status(Env(("CLAUDE_CONFIG_DIR", Path.Combine(_home.Path, "empty-config"))));
        Assert.False(status.Ready);
        Assert.Contains("Connect Anthropic", status.Actions);
    }

    [Fact]
    public void Expired_sign_in_with_a_refresh_token_is_ready_with_a_warning_that_Claude_Code_renews_it()
    {
        _home.SignedIn(ClaudeCodeHome.Now.AddHours(-2), refreshToken: true);
        var status = Status(Env());
        Assert.True(status.Ready, status.Message);
        Assert.Contains(status.Warnings, w => w.Contains("expired", StringComparison.Ordinal) && w.Contains("renews it", StringComparison.Ordinal));
    }

    [Fact]
    public void Expired_sign_in_without_a_refresh_token_is_not_ready_and_offers_Connect_Anthropic()
    {
        _home.SignedIn(ClaudeCodeHome.Now.AddHours(-2), refreshToken: false);
        var status = Status(Env());
        Assert.False(status.Ready);
        Assert.Contains("expired", status.Message, StringComparison.Ordinal);
        Assert.Equal(["Connect Anthropic"], status.Actions);
    }

    [Theory]
    [InlineData("not json at all " + ClaudeCodeHome.AccessToken)]
    [InlineData("{\"claudeAiOauth\":{\"accessToken\":\"\"}}")]
    [InlineData("{\"somethingElse\":{\"accessToken\":\"" + ClaudeCodeHome.AccessToken + "\"}}")]
    [InlineData("[\"" + ClaudeCodeHome.AccessToken + "\"]")]
    public void A_credentials_file_that_is_not_a_sign_in_is_not_ready_named_and_offers_Connect_Anthropic(string content)
    {
        _home.Write(content);
        var status = Status(Env());
        Assert.False(status.Ready);
        Assert.Equal("HOME", Assert.Single(status.Problems).Variable);
        Assert.Contains("not a usable sign-in", status.Message, StringComparison.Ordinal);
        Assert.Equal(["Connect Anthropic"], status.Actions);
    }

    [Fact]
    public void The_sign_in_tokens_never_appear_in_status()
    {
        _home.SignedIn(ClaudeCodeHome.Now.AddHours(-2), refreshToken: true);
        foreach (var status in new[] { Status(Env()), Status(Env(("CLAUDE_CODE_USE_BEDROCK", "1"))) })
        {
            Assert.DoesNotContain(TestEnv.AllText(status), t => t.Contains("TestAccessToken", StringComparison.Ordinal) || t.Contains("TestRefreshToken", StringComparison.Ordinal));
        }

        _home.Write("not json " + ClaudeCodeHome.AccessToken);
        Assert.DoesNotContain(TestEnv.AllText(Status(Env())), t => t.Contains("TestAccessToken", StringComparison.Ordinal));
    }

    [Fact]
    public void A_key_in_the_environment_is_used_and_the_credentials_file_is_not_consulted()
    {
        _home.Write("not json");
        var status = Status(Env(("ANTHROPIC_API_KEY", TestEnv.FirstPartyKey)));
        Assert.True(status.Ready, status.Message);
        Assert.DoesNotContain("Claude Code", status.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Claude_Platform_on_AWS_never_offers_or_accepts_the_Claude_Code_sign_in()
    {
        _home.SignedIn(ClaudeCodeHome.Now.AddHours(6));
        var status = Status(Env(
            ("CLAUDE_CODE_USE_ANTHROPIC_AWS", "1"), ("ANTHROPIC_AWS_WORKSPACE_ID", TestEnv.WorkspaceId), ("AWS_REGION", "us-west-2"), ("AWS_EC2_METADATA_DISABLED", "true")));
        Assert.Same(RuntimeBackends.ClaudePlatformAws, status.Backend);
        Assert.False(status.Ready);
        Assert.DoesNotContain(RuntimeStatus.ConnectAnthropicAction, status.Actions);
        Assert.DoesNotContain(TestEnv.AllText(status), t => t.Contains("signed in with Claude Code", StringComparison.Ordinal));
    }

    [Fact]
    public void This_process_s_own_requests_do_not_count_Claude_Code_s_sign_in()
    {
        // ask and request clients send requests themselves; the token is Claude Code's, not theirs to read.
        _home.SignedIn(ClaudeCodeHome.Now.AddHours(6));
        var inputs = new TransportInputs(Env(), HostSettings.Empty, File.Exists, launchTarget: null, clock: null);
        var validation = RuntimeBackends.FirstParty.Validate(inputs);
        Assert.False(validation.InputsValid);
        Assert.Contains(RuntimeStatus.ConnectAnthropicAction, validation.Actions);
    }

    [Fact]
    public void Launch_claude_code_with_only_the_credentials_file_starts_without_force()
    {
        _home.SignedIn(ClaudeCodeHome.Now.AddHours(6));
        var (exit, _, stderr, child) = Launch(Env(), "launch", "claude-code", "--", "claude");
        Assert.Equal(0, exit);
        Assert.DoesNotContain("--force", stderr, StringComparison.Ordinal);
        Assert.NotNull(child);
        Assert.Equal(_home.Path, child!["HOME"]); // the child finds the same sign-in
    }

    [Fact]
    public void Launch_claude_code_passes_CLAUDE_CONFIG_DIR_so_the_child_finds_the_same_sign_in()
    {
        var configDir = Path.Combine(_home.Path, "work-account");
        _home.SignedIn(ClaudeCodeHome.Now.AddHours(6), directory: configDir);
        var (exit, _, _, child) = Launch(Env(("CLAUDE_CONFIG_DIR", configDir)), "launch", "claude-code", "--", "claude");
        Assert.Equal(0, exit);
        Assert.Equal(configDir, child!["CLAUDE_CONFIG_DIR"]);
    }

    [Fact]
    public void Launch_claude_code_without_a_sign_in_refuses_and_names_Connect_Anthropic()
    {
        var (exit, _, stderr, child) = Launch(Env(), "launch", "claude-code", "--", "claude");
        Assert.Equal(ExitCodes.NotReady, exit);
        Assert.Null(child);
        Assert.Contains("Connect Anthropic", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Status_command_reports_the_sign_in_as_ready()
    {
        _home.SignedIn(ClaudeCodeHome.Now.AddHours(6));
        var (exit, stdout, _, _) = Launch(Env(), "status");
        Assert.Equal(ExitCodes.Ok, exit);
        Assert.Contains("signed in with Claude Code", stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("TestAccessToken", stdout, StringComparison.Ordinal);
    }

    private static (int Exit, string Stdout, string Stderr, IReadOnlyDictionary<string, string>? Child) Launch(IReadOnlyDictionary<string, string> env, params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var runner = new RecordingRunner();
        var exit = ProviderHostCli.Run(args, env, stdout, stderr, runner, ClaudeCodeHome.StatusOptions);
        return (exit, stdout.ToString(), stderr.ToString(), runner.Environment);
    }

    private sealed class RecordingRunner : IChildProcessRunner
    {
        public IReadOnlyDictionary<string, string>? Environment { get; private set; }

        public int Run(string command, IReadOnlyList<string> arguments, IReadOnlyDictionary<string, string> environment)
        {
            Environment = environment;
            return 0;
        }
    }
}
