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
        var path = Path.Combine(Path.GetTempPath(), "provider-host-bad-" + Guid.NewGuid().ToString("N") + ".json");
        File.WriteAllText(path, "{\n  \"env\": { \"AWS_REGION\": \"us-west-2\", }\n}");
        try
        {
            var (exit, _, error) = Run(TestEnv.CpaWithProfile(), null, "status", "--settings", path);
            Assert.Equal(2, exit);
            Assert.Contains(path, error, StringComparison.Ordinal);
            Assert.Contains("line 2", error, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Status_reads_awsAuthRefresh_from_the_settings_file()
    {
        var path = Path.Combine(Path.GetTempPath(), "provider-host-ok-" + Guid.NewGuid().ToString("N") + ".json");
        File.WriteAllText(path, "{ \"awsAuthRefresh\": \"aws sso login --profile cc\" }");
        try
        {
            var (_, output, _) = Run(TestEnv.CpaWithProfile(), null, "status", "--settings", path, "--json");
            using var json = JsonDocument.Parse(output);
            Assert.Contains("Run `aws sso login --profile cc`", json.RootElement.GetProperty("actions").EnumerateArray().Select(a => a.GetString()));
        }
        finally
        {
            File.Delete(path);
        }
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
    public void Help_lists_every_command_and_exits_0()
    {
        var (exit, output, _) = Run(TestEnv.Of(), null, "--help");
        Assert.Equal(0, exit);
        Assert.Contains("launch <claude-code", output, StringComparison.Ordinal);
        Assert.Contains("models [", output, StringComparison.Ordinal);
    }
}
