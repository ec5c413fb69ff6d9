using ProviderAudit.Transport.Tests.Support;

namespace ProviderAudit.Transport.Tests.Transport;

/// <summary>Status messages that point the right way: the value the user actually has, shown as it is.</summary>
public sealed class StatusMessagesTests : IDisposable
{
    private readonly TemporaryDirectory _home = new("tx");

    public void Dispose() => _home.Dispose();

    private RuntimeStatus Status(params (string, string)[] values) => RuntimeStatusEvaluator.Evaluate(
        TestEnvironment.Isolated(_home.Path, [("ANTHROPIC_AWS_WORKSPACE_ID", "wrkspc_01Test"), ("ANTHROPIC_AWS_API_KEY", "aws-cpa-key-0123456789"), .. values]),
        HostSettings.Empty, LaunchTarget.ClaudeCode);

    [Fact]
    public void A_region_only_in_the_profile_is_suggested_with_where_it_is_written()
    {
        _home.File(".aws/config", "[profile cc]\nregion = eu-central-1\n");

        var status = Status(("AWS_PROFILE", "cc"));

        Assert.False(status.Ready);
        var problem = Assert.Single(status.Problems, p => p.Variable == "AWS_REGION");
        Assert.Contains("set AWS_REGION=eu-central-1", problem.Message, StringComparison.Ordinal);
        Assert.Contains("line 2 of", problem.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("us-west-2", problem.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("us\u2011west\u20112", "\\u2011", "U+2011")]
    [InlineData("us\u2010west-2", "\\u2010", "U+2010")]
    [InlineData("us\u2212west-2", "\\u2212", "U+2212")]
    public void A_region_with_look_alike_hyphens_is_shown_escaped_and_the_character_named(string region, string escaped, string named)
    {
        var status = Status(("AWS_REGION", region));

        var problem = Assert.Single(status.Problems, p => p.Variable == "AWS_REGION");
        Assert.Contains(escaped, problem.Message, StringComparison.Ordinal);
        Assert.Contains(named, problem.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(region, problem.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("\"wrkspc_01Test\"")]
    [InlineData("'wrkspc_01Test'")]
    public void A_quoted_workspace_id_is_not_ready_before_the_gateway_says_403(string workspace)
    {
        var status = Status(("AWS_REGION", "us-west-2"), ("ANTHROPIC_AWS_WORKSPACE_ID", workspace));

        Assert.False(status.Ready);
        Assert.Contains(status.Problems, p => p.Variable == "ANTHROPIC_AWS_WORKSPACE_ID" && p.Message.Contains("quotes", StringComparison.Ordinal));
    }
}
