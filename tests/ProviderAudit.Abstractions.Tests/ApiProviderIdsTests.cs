using ProviderAudit.Runtime;

namespace ProviderAudit.Abstractions.Tests;

public class ApiProviderIdsTests
{
    [Theory]
    [InlineData("first-party", ApiProvider.FirstParty)]
    [InlineData("firstParty", ApiProvider.FirstParty)]
    [InlineData("bedrock", ApiProvider.Bedrock)]
    [InlineData("vertex", ApiProvider.Vertex)]
    [InlineData("foundry", ApiProvider.Foundry)]
    [InlineData("claude-platform-aws", ApiProvider.ClaudePlatformAws)]
    [InlineData("claudePlatformAws", ApiProvider.ClaudePlatformAws)]
    public void Parse_reads_backend_ids_and_telemetry_labels(string id, ApiProvider expected)
    {
        Assert.Equal(expected, ApiProviderIds.Parse(id));
    }

    [Theory]
    [InlineData("FirstParty")]
    [InlineData("FIRST-PARTY")]
    [InlineData("firstparty")]
    public void Parse_ignores_case(string id)
    {
        Assert.Equal(ApiProvider.FirstParty, ApiProviderIds.Parse(id));
    }

    [Fact]
    public void Accepted_lists_each_backend_id_then_its_telemetry_label_once()
    {
        Assert.Equal(
            ["first-party", "firstParty", "bedrock", "vertex", "foundry", "claude-platform-aws", "claudePlatformAws"],
            ApiProviderIds.Accepted);
    }

    [Fact]
    public void Every_accepted_id_parses()
    {
        Assert.All(ApiProviderIds.Accepted, id => Assert.True(ApiProviderIds.TryParse(id, out _), id));
    }

    [Fact]
    public void Unknown_id_is_rejected_with_the_id_and_the_accepted_ids_named()
    {
        var ex = Assert.Throws<ArgumentException>(() => ApiProviderIds.Parse("openai"));

        Assert.Equal("id", ex.ParamName);
        Assert.StartsWith(
            "Unknown provider id \"openai\"; accepted ids (any case): first-party, firstParty, bedrock, vertex, foundry, claude-platform-aws, claudePlatformAws.",
            ex.Message,
            StringComparison.Ordinal);
    }

    [Fact]
    public void Unknown_id_with_a_line_break_shows_it()
    {
        var ex = Assert.Throws<ArgumentException>(() => ApiProviderIds.Parse("bedrock\n"));

        Assert.Contains("\"bedrock\\n\"", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Value_longer_than_any_id_is_not_echoed()
    {
        var pastedKey = "sk-ant-api03-" + new string('x', 80);

        var ex = Assert.Throws<ArgumentException>(() => ApiProviderIds.Parse(pastedKey));

        Assert.DoesNotContain("sk-ant", ex.Message, StringComparison.Ordinal);
        Assert.Contains("93-character value, not shown", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Null_id_is_rejected_with_the_parameter_named()
    {
        var ex = Assert.Throws<ArgumentNullException>(() => ApiProviderIds.Parse(null!));

        Assert.Equal("id", ex.ParamName);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("openai")]
    public void TryParse_is_false_for_null_and_unknown_ids(string? id)
    {
        Assert.False(ApiProviderIds.TryParse(id, out _));
    }

    [Fact]
    public void TryParse_reads_what_Parse_reads()
    {
        Assert.True(ApiProviderIds.TryParse("claudePlatformAws", out var provider));
        Assert.Equal(ApiProvider.ClaudePlatformAws, provider);
    }
}
