using System.Text.Json;
using ProviderHost;

namespace ProviderAudit.Runtime.Tests;

/// <summary>The CLI run in-process against dictionary environments and a recording process runner.</summary>
public class ProviderHostCliTests
{
    private sealed class RecordingRunner(int exitCode = 0) : IChildProcessRunner
    {
        public string? Command { get; private set; }
        public IReadOnlyList<string>? Arguments { get; private set; }
        public IReadOnlyDictionary<string, string>? Environment { get; private set; }

        public int Run(string command, IReadOnlyList<string> arguments, IReadOnlyDictionary<string, string> environment)
        {
            Command = command;
            Arguments = arguments;
            Environment = environment;
            return exitCode;
        }
    }

    private sealed class TempFile : IDisposable
    {
        public TempFile(string extension, string content)
        {
            Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "provider-host-" + Guid.NewGuid().ToString("N") + extension);
            File.WriteAllText(Path, content);
        }

        public string Path { get; }

        public void Dispose() => File.Delete(Path);
    }

    private static (int Exit, string Out, string Err) Run(IReadOnlyDictionary<string, string> env, IChildProcessRunner? runner = null, params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var exit = ProviderHostCli.Run(args, env, stdout, stderr, runner ?? new RecordingRunner(), TestEnv.NoFiles);
        return (exit, stdout.ToString(), stderr.ToString());
    }

    [Fact]
    public void Status_json_has_the_documented_fields()
    {
        var (exit, output, _) = Run(TestEnv.CpaWithProfile(), null, "status", "--json");
        using var json = JsonDocument.Parse(output);
        var root = json.RootElement;
        Assert.Equal(3, exit);
        Assert.Equal("claude-code", root.GetProperty("target").GetString());
        Assert.Equal("claude-platform-aws", root.GetProperty("backend").GetString());
        Assert.False(root.GetProperty("ready").GetBoolean());
        Assert.Contains("profile cc (AWS_PROFILE)", root.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal(JsonValueKind.Array, root.GetProperty("actions").ValueKind);
        Assert.Equal(JsonValueKind.Array, root.GetProperty("warnings").ValueKind);
        Assert.Equal("FirstParty", root.GetProperty("modelIdFormat").GetString());
        Assert.Equal("ClaudePlatformAws", root.GetProperty("authTransport").GetString());
    }

    [Fact]
    public void Status_json_for_a_non_Anthropic_target_has_a_null_backend()
    {
        var (exit, output, _) = Run(TestEnv.CpaWithProfile(), null, "status", "--target", "codex", "--json");
        using var json = JsonDocument.Parse(output);
        Assert.Equal(0, exit);
        Assert.Equal(JsonValueKind.Null, json.RootElement.GetProperty("backend").ValueKind);
        Assert.Equal("codex", json.RootElement.GetProperty("target").GetString());
    }

    [Fact]
    public void Status_exits_0_when_ready()
    {
        Assert.Equal(0, Run(TestEnv.Of(("ANTHROPIC_API_KEY", TestEnv.FirstPartyKey)), null, "status").Exit);
    }

    [Fact]
    public void Status_text_names_backend_and_readiness()
    {
        var (exit, output, _) = Run(TestEnv.CpaWithProfile().Without("AWS_REGION"), null, "status");
        Assert.Equal(3, exit);
        Assert.Contains("Claude Platform on AWS (claude-platform-aws)", output, StringComparison.Ordinal);
        Assert.Contains("Ready:          no", output, StringComparison.Ordinal);
        Assert.Contains("AWS_REGION", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("status", "--bogus")]
    [InlineData("status", "--target", "cursor")]
    [InlineData("status", "--target")]
    [InlineData("status", "extra")]
    [InlineData("models", "--target", "codex")]
    [InlineData("launch", "claude-code", "--nope", "--", "true")]
    [InlineData("launch", "claude-code")]
    [InlineData("launch", "--", "true")]
    [InlineData("launch", "claude-code", "printenv")]
    [InlineData("frobnicate")]
    public void Usage_errors_exit_2_with_a_message(params string[] args)
    {
        var (exit, _, error) = Run(TestEnv.CpaWithProfile(), null, args);
        Assert.Equal(2, exit);
        Assert.False(string.IsNullOrWhiteSpace(error));
    }

    [Fact]
    public void No_arguments_prints_usage_and_exits_2()
    {
        var (exit, _, error) = Run(TestEnv.Of(), null);
        Assert.Equal(2, exit);
        Assert.Contains("status [--target", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Malformed_settings_file_is_a_config_error_naming_file_line_and_position()
    {
        using var file = new TempFile(".json", "{\n  \"env\": { \"AWS_REGION\": \"us-west-2\", }\n}");
        var (exit, _, error) = Run(TestEnv.CpaWithProfile(), null, "status", "--settings", file.Path);
        Assert.Equal(2, exit);
        Assert.Contains(file.Path, error, StringComparison.Ordinal);
        Assert.Contains("line 2", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Status_reads_awsAuthRefresh_from_the_settings_file()
    {
        using var file = new TempFile(".json", "{ \"awsAuthRefresh\": \"aws sso login --profile cc\" }");
        var (_, output, _) = Run(TestEnv.CpaWithProfile(), null, "status", "--settings", file.Path, "--json");
        using var json = JsonDocument.Parse(output);
        Assert.Contains("Run `aws sso login --profile cc`", json.RootElement.GetProperty("actions").EnumerateArray().Select(a => a.GetString()));
    }

    [Fact]
    public void Launch_refuses_a_not_ready_Anthropic_target_with_exit_3()
    {
        var runner = new RecordingRunner();
        var (exit, _, error) = Run(TestEnv.CpaWithProfile(), runner, "launch", "claude-code", "--", "claude");
        Assert.Equal(3, exit);
        Assert.Null(runner.Command);
        Assert.Contains("profile cc (AWS_PROFILE)", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Launch_with_force_runs_a_not_ready_target_with_the_launch_environment()
    {
        var runner = new RecordingRunner();
        var env = TestEnv.CpaWithProfile().With("ANTHROPIC_API_KEY", TestEnv.FirstPartyKey);
        var (exit, _, _) = Run(env, runner, "launch", "claude-code", "--force", "--", "claude", "--print", "hi");
        Assert.Equal(0, exit);
        Assert.Equal("claude", runner.Command);
        Assert.Equal(["--print", "hi"], runner.Arguments);
        Assert.Equal("1", runner.Environment!["CLAUDE_CODE_USE_ANTHROPIC_AWS"]);
        Assert.False(runner.Environment.ContainsKey("ANTHROPIC_API_KEY"));
    }

    [Fact]
    public void Launch_propagates_the_child_exit_code()
    {
        Assert.Equal(42, Run(TestEnv.Of(("PATH", "/bin")), new RecordingRunner(42), "launch", "codex", "--", "codex").Exit);
    }

    [Fact]
    public void Launch_of_a_non_Anthropic_target_is_never_refused_for_Claude_readiness()
    {
        var runner = new RecordingRunner();
        var (exit, _, _) = Run(TestEnv.CpaWithProfile(), runner, "launch", "gemini", "--", "gemini");
        Assert.Equal(0, exit);
        Assert.DoesNotContain(runner.Environment!.Keys, k => k.StartsWith("ANTHROPIC_AWS_", StringComparison.Ordinal));
    }

    [Fact]
    public void Launch_of_a_missing_command_exits_127()
    {
        var (exit, _, error) = Run(TestEnv.Of(("PATH", "/nonexistent")), new ChildProcessRunner(), "launch", "codex", "--", "provider-host-no-such-command-" + Guid.NewGuid().ToString("N"));
        Assert.Equal(127, exit);
        Assert.Contains("Could not start", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Models_json_lists_first_party_wire_ids_for_CPA()
    {
        var (exit, output, _) = Run(TestEnv.CpaWithProfile(), null, "models", "--json");
        using var json = JsonDocument.Parse(output);
        Assert.Equal(0, exit);
        Assert.Equal("claude-platform-aws", json.RootElement.GetProperty("backend").GetString());
        Assert.All(json.RootElement.GetProperty("models").EnumerateArray(),
            m => Assert.Equal(m.GetProperty("id").GetString(), m.GetProperty("wireId").GetString()));
    }

    [Fact]
    public void Models_json_lists_Bedrock_wire_ids_for_Bedrock()
    {
        var (_, output, _) = Run(TestEnv.Of(("CLAUDE_CODE_USE_BEDROCK", "1")), null, "models", "--json");
        using var json = JsonDocument.Parse(output);
        Assert.All(json.RootElement.GetProperty("models").EnumerateArray(),
            m => Assert.StartsWith("anthropic.", m.GetProperty("wireId").GetString(), StringComparison.Ordinal));
    }

    [Fact]
    public void Models_names_a_malformed_pin_without_showing_it()
    {
        var env = TestEnv.Of(("ANTHROPIC_API_KEY", TestEnv.FirstPartyKey), ("ANTHROPIC_DEFAULT_SONNET_MODEL", "claude-sonnet-4-6\nReady: yes"));
        var (exit, output, _) = Run(env, null, "models");
        Assert.Equal(0, exit);
        Assert.Contains("problem  ANTHROPIC_DEFAULT_SONNET_MODEL=", output, StringComparison.Ordinal);
        Assert.DoesNotContain(output.Split('\n'), line => line.StartsWith("Ready: yes", StringComparison.Ordinal));
    }

    [Fact]
    public void Ask_refuses_a_pinned_model_that_is_not_one_line_naming_the_pin()
    {
        // The base URL is a closed loopback port: were the pin sent, nothing would leave the machine.
        var env = TestEnv.Of(("ANTHROPIC_API_KEY", TestEnv.FirstPartyKey), ("ANTHROPIC_BASE_URL", "http://127.0.0.1:9"), ("ANTHROPIC_DEFAULT_SONNET_MODEL", "claude-sonnet-4-6\n"));
        var (exit, output, error) = Run(env, null, "ask", "Hi");
        Assert.Equal(2, exit);
        Assert.Equal("", output);
        Assert.Contains("ANTHROPIC_DEFAULT_SONNET_MODEL is not a", error, StringComparison.Ordinal);
    }

    private sealed class StderrAtLaunch(StringWriter stderr) : IChildProcessRunner
    {
        public string? SeenBeforeStart { get; private set; }

        public int Run(string command, IReadOnlyList<string> arguments, IReadOnlyDictionary<string, string> environment)
        {
            SeenBeforeStart = stderr.ToString();
            return 0;
        }
    }

    [Fact]
    public void Launch_warns_about_a_pin_in_another_backends_format_before_starting_the_child()
    {
        var env = TestEnv.Of(("ANTHROPIC_API_KEY", TestEnv.FirstPartyKey), ("ANTHROPIC_MODEL", "us.anthropic.claude-sonnet-4-5-20250929-v1:0"));
        var stderr = new StringWriter();
        var runner = new StderrAtLaunch(stderr);

        var exit = ProviderHostCli.Run(["launch", "claude-code", "--", "claude"], env, new StringWriter(), stderr, runner, TestEnv.NoFiles);

        Assert.Equal(0, exit);
        Assert.Contains("warning: ANTHROPIC_MODEL=", runner.SeenBeforeStart, StringComparison.Ordinal);
        Assert.Contains("set ANTHROPIC_MODEL to claude-sonnet-4-5-20250929", runner.SeenBeforeStart, StringComparison.Ordinal);
    }

    [Fact]
    public void Models_without_a_model_catalog_says_the_static_catalog_is_used_and_sends_nothing()
    {
        // No base URL: were anything asked, it would go to api.anthropic.com; with no catalog configured nothing is.
        var (exit, output, _) = Run(TestEnv.Of(("ANTHROPIC_API_KEY", TestEnv.FirstPartyKey)), null, "models");

        Assert.Equal(0, exit);
        Assert.Contains("Models:  static catalog: this host asks no backend for its models", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Help_lists_every_command_and_exits_0()
    {
        var (exit, output, _) = Run(TestEnv.Of(), null, "--help");
        Assert.Equal(0, exit);
        Assert.Contains("launch <claude-code", output, StringComparison.Ordinal);
        Assert.Contains("models [", output, StringComparison.Ordinal);
    }

    // --- what System.CommandLine brings, and what it must not change --------------------------------------------------

    [Fact]
    public void An_option_value_may_follow_an_equals_sign()
    {
        var (exit, output, _) = Run(TestEnv.CpaWithProfile(), null, "status", "--target=codex", "--json");
        using var json = JsonDocument.Parse(output);
        Assert.Equal(0, exit);
        Assert.Equal("codex", json.RootElement.GetProperty("target").GetString());
    }

    [Fact]
    public void A_target_is_read_case_insensitively()
    {
        var (exit, output, _) = Run(TestEnv.CpaWithProfile(), null, "status", "--target", "Codex", "--json");
        using var json = JsonDocument.Parse(output);
        Assert.Equal(0, exit);
        Assert.Equal("codex", json.RootElement.GetProperty("target").GetString());
    }

    [Fact]
    public void A_repeated_single_value_option_is_a_usage_error_naming_it()
    {
        var (exit, output, error) = Run(TestEnv.CpaWithProfile(), null, "status", "--target", "codex", "--target", "gemini");
        Assert.Equal(2, exit);
        Assert.Equal("", output);
        Assert.Contains("'--target'", error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_flag_takes_no_value()
    {
        var (exit, output, error) = Run(TestEnv.CpaWithProfile(), null, "status", "--json", "false");
        Assert.Equal(2, exit);
        Assert.Equal("", output);
        Assert.Contains("'false'", error, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_option_is_named_with_the_commands_synopsis_and_where_help_is()
    {
        var (exit, _, error) = Run(TestEnv.CpaWithProfile(), null, "status", "--verbose");
        Assert.Equal(2, exit);
        Assert.Contains("'--verbose'", error, StringComparison.Ordinal);
        Assert.Contains("Usage: ProviderHost status [--target claude-code|codex|gemini|opencode] [--settings PATH] [--json] [--probe]", error, StringComparison.Ordinal);
        Assert.Contains("ProviderHost status --help", error, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_target_lists_the_targets()
    {
        var (exit, _, error) = Run(TestEnv.CpaWithProfile(), null, "status", "--target", "cursor");
        Assert.Equal(2, exit);
        Assert.Contains("'cursor' is not a launch target: use one of claude-code, codex, gemini, opencode", error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_response_file_is_not_expanded()
    {
        using var file = new TempFile(".rsp", "--json");
        var (exit, output, error) = Run(TestEnv.CpaWithProfile(), null, "status", "@" + file.Path);
        Assert.Equal(2, exit);
        Assert.Equal("", output);
        Assert.Contains("@" + file.Path, error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--help")]
    [InlineData("-h")]
    public void Help_for_a_command_describes_each_of_its_options_and_exits_0(string help)
    {
        var (exit, output, error) = Run(TestEnv.Of(), null, "status", help);
        Assert.Equal(0, exit);
        Assert.Equal("", error);
        Assert.All(["--target", "--settings", "--json", "--probe"], option => Assert.Contains(option, output, StringComparison.Ordinal));
    }

    [Fact]
    public void Help_shows_every_commands_synopsis_and_the_exit_codes()
    {
        var (_, output, _) = Run(TestEnv.Of(), null, "--help");
        Assert.Contains("ProviderHost ask <prompt> [--model M] [--stream] [--max-tokens N] [--settings PATH]", output, StringComparison.Ordinal);
        Assert.Contains("Exit codes: 0 ready/success, 3 not ready, 2 usage or configuration error", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Help_runs_nothing_even_with_a_complete_launch_before_it()
    {
        var runner = new RecordingRunner();
        var (exit, output, _) = Run(TestEnv.Of(), runner, "launch", "codex", "--help");
        Assert.Equal(0, exit);
        Assert.Null(runner.Command);
        Assert.Contains("--force", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Launch_passes_everything_after_the_double_dash_verbatim()
    {
        var runner = new RecordingRunner();
        var (exit, _, _) = Run(TestEnv.Of(), runner, "launch", "codex", "--", "tool", "--help", "--force", "--", "@notes", "-h");
        Assert.Equal(0, exit);
        Assert.Equal("tool", runner.Command);
        Assert.Equal(["--help", "--force", "--", "@notes", "-h"], runner.Arguments);
    }

    [Fact]
    public void Launch_options_may_come_before_the_target()
    {
        var runner = new RecordingRunner();
        var (exit, _, _) = Run(TestEnv.CpaWithProfile(), runner, "launch", "--force", "claude-code", "--", "claude");
        Assert.Equal(0, exit);
        Assert.Equal("claude", runner.Command);
    }

    [Theory]
    [InlineData("unexpected argument 'printenv': put the command to run after --", "launch", "claude-code", "printenv")]
    [InlineData("name the launch target before --", "launch", "--", "codex", "env")]
    [InlineData("unexpected argument 'extra' before --", "launch", "codex", "extra", "--", "env")]
    [InlineData("give the command to run after --", "launch", "codex", "--")]
    [InlineData("'claude' is not a launch target", "launch", "--", "claude")]
    public void Launch_without_a_target_then_double_dash_then_a_command_says_how_to_write_it(string message, params string[] args)
    {
        var runner = new RecordingRunner();
        var (exit, _, error) = Run(TestEnv.Of(), runner, args);
        Assert.Equal(2, exit);
        Assert.Null(runner.Command);
        Assert.Contains(message, error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-5")]
    [InlineData("+5")]
    [InlineData("many")]
    public void Ask_max_tokens_must_be_a_positive_whole_number(string value)
    {
        var (exit, _, error) = Run(TestEnv.Of(), null, "ask", "Hi", "--max-tokens", value);
        Assert.Equal(2, exit);
        Assert.Contains("--max-tokens must be a positive whole number", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ask")]
    [InlineData("ask", " ")]
    [InlineData("ask", "one", "two")]
    public void Ask_takes_exactly_one_non_empty_prompt(params string[] args)
    {
        var (exit, _, error) = Run(TestEnv.Of(), null, args);
        Assert.Equal(2, exit);
        Assert.Contains("Usage: ProviderHost ask <prompt>", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Docs_show_every_command_as_its_synopsis()
    {
        var docs = File.ReadAllText(Path.Combine(RepositorySources.Root, "docs", "runtime.md"));
        var (_, help, _) = Run(TestEnv.Of(), null, "--help");
        var synopses = help.Split('\n').Select(l => l.Trim()).Where(l => l.StartsWith("ProviderHost ", StringComparison.Ordinal)).ToArray();
        Assert.Equal(4, synopses.Length);
        Assert.All(synopses, s => Assert.Contains("dotnet run --project samples/ProviderHost -- " + s["ProviderHost ".Length..], docs, StringComparison.Ordinal));
    }
}
