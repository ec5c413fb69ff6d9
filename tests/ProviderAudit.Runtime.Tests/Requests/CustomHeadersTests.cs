namespace ProviderAudit.Runtime.Tests;

/// <summary>ANTHROPIC_CUSTOM_HEADERS is parsed and judged once; status and launch take the same decision from it.</summary>
public class CustomHeadersTests
{
    private static Dictionary<string, string> FirstParty(string headers) =>
        TestEnv.Of(("ANTHROPIC_API_KEY", TestEnv.FirstPartyKey), ("ANTHROPIC_CUSTOM_HEADERS", headers));

    private static Dictionary<string, string> Cpa(string headers) =>
        TestEnv.CpaWithProfile().Without("AWS_PROFILE").With("ANTHROPIC_AWS_API_KEY", TestEnv.CpaKey).With("ANTHROPIC_CUSTOM_HEADERS", headers);

    [Theory]
    [InlineData("X Team: platform", "is not an HTTP header name")]
    [InlineData("X-Team platform", "is not a header")]
    [InlineData(": platform", "has no header name")]
    [InlineData("X-Team: plat\tform", "control or non-ASCII")]
    [InlineData("X-Team: plätform", "control or non-ASCII")]
    [InlineData("Content-Type: text/plain", "describes a request body")]
    [InlineData("X-Team: a\nx-team: b", "already set on line 1")]
    [InlineData("Date: tomorrow", "cannot send Date")]
    public void An_invalid_line_is_a_problem_naming_the_variable_and_its_line(string headers, string expected)
    {
        var judged = CustomHeaders.Parse(headers);

        var problem = Assert.Single(judged.Problems);
        Assert.Equal("ANTHROPIC_CUSTOM_HEADERS", problem.Variable);
        Assert.Contains(expected, problem.Message, StringComparison.Ordinal);
        Assert.Contains("line", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Valid_lines_are_parsed_as_the_SDK_and_Claude_Code_read_them()
    {
        var judged = CustomHeaders.Parse(" X-Team :  platform \r\n\nanthropic-beta: context-1m-2025-08-07\n");

        Assert.Empty(judged.Problems);
        Assert.Equal([new CustomHeader(1, "X-Team", "platform"), new CustomHeader(3, "anthropic-beta", "context-1m-2025-08-07")], judged.Headers);
    }

    [Fact]
    public void An_invalid_header_makes_first_party_status_not_ready_naming_the_variable()
    {
        var status = TestEnv.Status(FirstParty("X Team: platform"));

        Assert.False(status.Ready);
        Assert.Contains(status.Problems, p => p.Variable == "ANTHROPIC_CUSTOM_HEADERS");
    }

    [Fact]
    public void An_invalid_header_makes_CPA_status_not_ready_naming_the_variable()
    {
        var status = TestEnv.Status(Cpa("Content-Type: text/plain"), check: new TestEnv.AlwaysAvailable());

        Assert.False(status.Ready);
        Assert.Contains("ANTHROPIC_CUSTOM_HEADERS", status.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_custom_header_repeating_the_first_party_credential_header_is_not_ready()
    {
        var status = TestEnv.Status(FirstParty("x-api-key: sk-ant-api03-another-key-0000"));

        Assert.False(status.Ready);
        Assert.Contains(status.Problems, p => p.Variable == "ANTHROPIC_CUSTOM_HEADERS" && p.Message.Contains("one credential", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("Authorization: Bearer sk-ant-oat01-gateway-token-0000", "Authorization (line 1)")]
    [InlineData("X-Team: platform\nx-api-key: sk-ant-api03-leaked-0000", "x-api-key (line 2)")]
    [InlineData("anthropic-workspace-id: wrkspc_other", "anthropic-workspace-id (line 1)")]
    [InlineData("Host: evil.example.com", "Host (line 1)")]
    [InlineData("X-Amz-Security-Token: FwoGZXIvYXdzEAbc", "X-Amz-Security-Token (line 1)")]
    public void Auth_host_and_workspace_headers_on_CPA_are_withheld_with_a_warning_and_stay_ready(string headers, string named)
    {
        var status = TestEnv.Status(Cpa(headers), check: new TestEnv.AlwaysAvailable());

        Assert.True(status.Ready, status.Message);
        Assert.Contains(status.Warnings, w => w.Contains(named, StringComparison.Ordinal) && w.Contains("left out", StringComparison.Ordinal));
    }

    [Fact]
    public void A_CPA_launch_carries_the_headers_CPA_requests_carry_and_no_other()
    {
        var env = Cpa("Authorization: Bearer sk-ant-oat01-gateway-token-0000\nX-Team: platform\nHost: evil.example.com");

        var child = LaunchEnvironment.Build(env, HostSettings.Empty, LaunchTarget.ClaudeCode).Variables;

        Assert.Equal("X-Team: platform", child["ANTHROPIC_CUSTOM_HEADERS"]);
    }

    [Fact]
    public void A_CPA_launch_with_only_withheld_headers_gets_no_variable()
    {
        var child = LaunchEnvironment.Build(Cpa("x-api-key: sk-ant-api03-leaked-0000"), HostSettings.Empty, LaunchTarget.ClaudeCode).Variables;

        Assert.False(child.ContainsKey("ANTHROPIC_CUSTOM_HEADERS"));
    }

    [Fact]
    public void A_first_party_launch_carries_valid_headers_as_written()
    {
        const string headers = "X-Team: platform\nanthropic-beta: context-1m-2025-08-07";

        var child = LaunchEnvironment.Build(FirstParty(headers), HostSettings.Empty, LaunchTarget.ClaudeCode).Variables;

        Assert.Equal(headers, child["ANTHROPIC_CUSTOM_HEADERS"]);
    }

    [Fact]
    public void Status_and_launch_agree_the_launch_is_refused_for_an_invalid_header()
    {
        var env = Cpa("X Team: platform");
        var stdout = new StringWriter();
        var stderr = new StringWriter();

        var exit = global::ProviderHost.ProviderHostCli.Run(["launch", "claude-code", "--", "true"], env, stdout, stderr,
            statusOptions: new RuntimeStatusOptions { RequestTransportCheck = new TestEnv.AlwaysAvailable() });

        Assert.Equal(3, exit);
        Assert.Contains("ANTHROPIC_CUSTOM_HEADERS", stderr.ToString(), StringComparison.Ordinal);
    }
}
