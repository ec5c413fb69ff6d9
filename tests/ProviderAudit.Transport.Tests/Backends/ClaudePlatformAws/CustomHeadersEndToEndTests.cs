using ProviderAudit.GatewayEmulator;
using ProviderAudit.Transport.Tests.ChildProcess;
using ProviderAudit.Transport.Tests.Emulator;
using ProviderAudit.Transport.Tests.Support;

namespace ProviderAudit.Transport.Tests.Transport;

/// <summary>
/// ANTHROPIC_CUSTOM_HEADERS in the host's own process environment, where the Anthropic SDK also reads it: status,
/// <c>--probe</c>, <c>ask</c> and <c>launch</c> take the same decision and nothing throws. Each case runs ProviderHost in
/// a child process (this process's environment is never changed).
/// </summary>
public sealed class CustomHeadersEndToEndTests : IDisposable
{
    private readonly TemporaryDirectory _home = new("tx");

    public void Dispose() => _home.Dispose();

    private Dictionary<string, string> CpaWithKey(CpaGatewayEmulator emulator, string headers) => TestEnvironment.Isolated(_home.Path,
        ("ANTHROPIC_AWS_WORKSPACE_ID", EmulatorScope.WorkspaceId), ("AWS_REGION", EmulatorScope.Region), ("ANTHROPIC_AWS_BASE_URL", emulator.Url()),
        ("ANTHROPIC_AWS_API_KEY", EmulatorScope.CpaApiKey), ("ANTHROPIC_CUSTOM_HEADERS", headers));

    private static Task<(int Exit, string Output)> Host(IReadOnlyDictionary<string, string> env, params string[] args) =>
        ChildProcessRunner.RunAsync(env, [ChildProgram.ProviderHostVerb, .. args]);

    [Fact]
    public async Task A_bearer_header_on_CPA_key_mode_is_withheld_in_status_probe_ask_and_launch_and_nothing_throws()
    {
        await using var emulator = await EmulatorScope.StartAsync(BearerApiKeyPolicy.Reject);
        var env = CpaWithKey(emulator, "Authorization: Bearer sk-ant-oat01-gateway-token-0000\nX-Team: platform");

        var status = await Host(env, "status");
        var probe = await Host(env, "status", "--probe");
        var ask = await Host(env, "ask", "Hi");
        var launch = await Host(env, "launch", "claude-code", "--", "/usr/bin/env");

        Assert.True(status.Exit == 0, status.Output);
        Assert.Contains("Authorization (line 1)", status.Output, StringComparison.Ordinal);
        Assert.True(probe.Exit == 0, probe.Output);
        Assert.True(ask.Exit == 0, ask.Output);
        Assert.True(launch.Exit == 0, launch.Output);
        Assert.Contains("ANTHROPIC_CUSTOM_HEADERS=X-Team: platform\n", launch.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("gateway-token", launch.Output, StringComparison.Ordinal);
        Assert.Equal(2, emulator.Requests.Count);
        Assert.All(emulator.Requests, r =>
        {
            Assert.Equal(GatewayAuthKind.ApiKey, r.Auth);
            Assert.Equal(["platform"], r.HeaderValues("X-Team"));
            Assert.False(r.HasHeader("Authorization"));
        });
    }

    [Theory]
    [InlineData("X Team: platform")]
    [InlineData("Content-Type: text/plain")]
    public async Task An_invalid_header_is_the_same_named_not_ready_in_status_probe_ask_and_launch(string headers)
    {
        await using var emulator = await EmulatorScope.StartAsync();
        var env = CpaWithKey(emulator, headers);

        foreach (var args in new[] { ["status"], ["status", "--probe"], ["ask", "Hi"], new[] { "launch", "claude-code", "--", "/usr/bin/env" } })
        {
            var (exit, output) = await Host(env, args);

            Assert.True(exit == 3, $"{string.Join(' ', args)}: {output}");
            Assert.Contains("ANTHROPIC_CUSTOM_HEADERS", output, StringComparison.Ordinal);
            Assert.DoesNotContain("Unhandled exception", output, StringComparison.Ordinal);
            Assert.DoesNotContain("Exception", output, StringComparison.Ordinal);
        }

        Assert.Empty(emulator.Requests);
    }

    [Fact]
    public async Task First_party_requests_carry_the_judged_custom_headers_and_one_credential()
    {
        await using var emulator = await EmulatorScope.StartAsync();
        var env = TestEnvironment.Isolated(_home.Path, ("ANTHROPIC_AUTH_TOKEN", "sk-ant-oat01-first-party-token-0000"), ("ANTHROPIC_BASE_URL", emulator.Url()),
            ("ANTHROPIC_CUSTOM_HEADERS", "X-Team: platform\nanthropic-beta: context-1m-2025-08-07"));

        var (exit, output) = await Host(env, "ask", "Hi");

        Assert.True(exit == 3, output); // the CPA emulator refuses first-party tokens; what matters is what was sent
        var request = Assert.Single(emulator.Requests);
        Assert.Equal(["Bearer sk-ant-oat01-first-party-token-0000"], request.HeaderValues("Authorization"));
        Assert.Equal(["platform"], request.HeaderValues("X-Team"));
        Assert.Contains("context-1m-2025-08-07", string.Join(",", request.HeaderValues("anthropic-beta")), StringComparison.Ordinal);
    }
}
