using System.Diagnostics;
using System.Text.Json;

namespace ProviderAudit.Runtime.Tests;

/// <summary>Runs the built ProviderHost.dll as a real process with a controlled environment.</summary>
public class ProviderHostEndToEndTests
{
    private static readonly string HostDll = Path.Combine(AppContext.BaseDirectory, "ProviderHost.dll");

    private static string DotnetHost()
    {
        // The SDK tells child processes where its dotnet lives; fall back to the one running the tests, then PATH.
        if (Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { } hostPath && File.Exists(hostPath))
        {
            return hostPath;
        }

        return Environment.ProcessPath is { } current && Path.GetFileNameWithoutExtension(current) == "dotnet" ? current : "dotnet";
    }

    private static (int Exit, string Out, string Err) RunHost(IReadOnlyDictionary<string, string> env, params string[] args)
    {
        var startInfo = new ProcessStartInfo(DotnetHost())
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        startInfo.ArgumentList.Add(HostDll);
        foreach (var arg in args)
        {
            startInfo.ArgumentList.Add(arg);
        }

        startInfo.Environment.Clear();
        startInfo.Environment["PATH"] = Environment.GetEnvironmentVariable("PATH") ?? "/usr/bin:/bin";
        startInfo.Environment["HOME"] = Path.Combine(Path.GetTempPath(), "provider-host-e2e-home");
        startInfo.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        if (Environment.GetEnvironmentVariable("DOTNET_ROOT") is { } dotnetRoot)
        {
            startInfo.Environment["DOTNET_ROOT"] = dotnetRoot;
        }

        foreach (var (name, value) in env)
        {
            startInfo.Environment[name] = value;
        }

        using var process = Process.Start(startInfo)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        return (process.ExitCode, stdout.Result, stderr.Result);
    }

    private static Dictionary<string, string> ParseEnvOutput(string output) =>
        output.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Where(l => l.Contains('='))
            .Select(l => l.Split('=', 2))
            .ToDictionary(p => p[0], p => p[1], StringComparer.Ordinal);

    private static Dictionary<string, string> CpaWithLeftovers() => TestEnv.CpaWithProfile()
        .With("ANTHROPIC_API_KEY", TestEnv.FirstPartyKey)
        .With("ANTHROPIC_AUTH_TOKEN", "auth-token-123456789")
        .With("ANTHROPIC_CUSTOM_HEADERS", "x-api-key: leaked")
        .With("CLAUDE_CODE_USE_VERTEX", "1")
        .With("HTTPS_PROXY", "http://proxy:3128")
        .With("https_proxy", "http://proxy:3128")
        .With("OPENAI_API_KEY", "openai-key-123456");

    [Fact]
    public void Status_json_end_to_end_reports_CPA_not_ready_without_Connect_Anthropic()
    {
        var (exit, output, _) = RunHost(CpaWithLeftovers(), "status", "--json");
        Assert.Equal(3, exit);
        using var json = JsonDocument.Parse(output);
        var root = json.RootElement;
        Assert.Equal("claude-platform-aws", root.GetProperty("backend").GetString());
        Assert.False(root.GetProperty("ready").GetBoolean());
        Assert.DoesNotContain(root.GetProperty("actions").EnumerateArray(), a => a.GetString() == "Connect Anthropic");
        Assert.DoesNotContain(TestEnv.FirstPartyKey, output, StringComparison.Ordinal);
    }

    [Fact]
    public void Status_json_end_to_end_exits_0_for_a_ready_first_party_setup()
    {
        var (exit, output, _) = RunHost(TestEnv.Of(("ANTHROPIC_API_KEY", TestEnv.FirstPartyKey)), "status", "--json");
        Assert.Equal(0, exit);
        using var json = JsonDocument.Parse(output);
        Assert.Equal("first-party", json.RootElement.GetProperty("backend").GetString());
        Assert.DoesNotContain(TestEnv.FirstPartyKey, output, StringComparison.Ordinal);
    }

    [Fact]
    public void Status_end_to_end_rejects_an_unknown_option_with_exit_2()
    {
        var (exit, _, error) = RunHost(TestEnv.Of(), "status", "--verbose");
        Assert.Equal(2, exit);
        Assert.Contains("--verbose", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Launch_printenv_end_to_end_gives_Claude_Code_the_CPA_environment_only()
    {
        var (exit, output, _) = RunHost(CpaWithLeftovers(), "launch", "claude-code", "--force", "--", "printenv");
        Assert.Equal(0, exit);
        var child = ParseEnvOutput(output);
        Assert.Equal("1", child["CLAUDE_CODE_USE_ANTHROPIC_AWS"]);
        Assert.Equal("1", child["CLAUDE_CODE_PROVIDER_MANAGED_BY_HOST"]);
        Assert.Equal(TestEnv.WorkspaceId, child["ANTHROPIC_AWS_WORKSPACE_ID"]);
        Assert.Equal("cc", child["AWS_PROFILE"]);
        Assert.Equal("http://proxy:3128", child["https_proxy"]);
        Assert.False(child.ContainsKey("ANTHROPIC_API_KEY"));
        Assert.False(child.ContainsKey("ANTHROPIC_AUTH_TOKEN"));
        Assert.False(child.ContainsKey("ANTHROPIC_CUSTOM_HEADERS"));
        Assert.False(child.ContainsKey("CLAUDE_CODE_USE_VERTEX"));
        Assert.False(child.ContainsKey("OPENAI_API_KEY"));
    }

    [Fact]
    public void Launch_env_end_to_end_gives_Codex_no_Claude_or_AWS_variables()
    {
        var (exit, output, _) = RunHost(CpaWithLeftovers(), "launch", "codex", "--", "env");
        Assert.Equal(0, exit);
        var child = ParseEnvOutput(output);
        Assert.Equal("openai-key-123456", child["OPENAI_API_KEY"]);
        Assert.Equal("http://proxy:3128", child["HTTPS_PROXY"]);
        Assert.DoesNotContain(child.Keys, k => k.StartsWith("ANTHROPIC_", StringComparison.Ordinal));
        Assert.DoesNotContain(child.Keys, k => k.StartsWith("CLAUDE_CODE_", StringComparison.Ordinal));
        Assert.DoesNotContain(child.Keys, k => k.StartsWith("AWS_", StringComparison.Ordinal));
    }

    [Fact]
    public void Launch_end_to_end_refuses_not_ready_CPA_with_exit_3_and_runs_nothing()
    {
        var (exit, output, error) = RunHost(CpaWithLeftovers(), "launch", "claude-code", "--", "printenv");
        Assert.Equal(3, exit);
        Assert.Equal("", output);
        Assert.Contains("profile cc (AWS_PROFILE)", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Launch_end_to_end_propagates_the_child_exit_code()
    {
        var (exit, _, _) = RunHost(TestEnv.Of(), "launch", "gemini", "--", "sh", "-c", "exit 7");
        Assert.Equal(7, exit);
    }
}
