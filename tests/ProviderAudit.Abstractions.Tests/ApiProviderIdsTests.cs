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

    [Theory]
    [InlineData("anthropic")]
    [InlineData("Anthropic")]
    [InlineData("ANTHROPIC")]
    [InlineData("first-party")]
    [InlineData("firstParty")]
    public void Find_reads_the_hosts_first_party_ids_and_the_runtimes_in_any_case(string id)
    {
        Assert.Equal(ApiProvider.FirstParty, ApiProviderIds.Find(id, "anthropic"));
    }

    [Theory]
    [InlineData("bedrock", ApiProvider.Bedrock)]
    [InlineData("claudePlatformAws", ApiProvider.ClaudePlatformAws)]
    public void Find_reads_every_backend_id(string id, ApiProvider expected)
    {
        Assert.Equal(expected, ApiProviderIds.Find(id, "anthropic"));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("openai")]
    [InlineData("anthropic")]
    public void Find_is_null_for_null_and_for_ids_no_backend_has(string? id)
    {
        // Without the host's ids, "anthropic" is one of them: unknown.
        Assert.Null(ApiProviderIds.Find(id));
    }

    [Fact]
    public void Find_keeps_a_rewritten_check_answering_as_before_for_every_id_the_host_knows()
    {
        string[] hostIds = ["anthropic", "openai", "gemini", "bedrock", "vertex", "claude-platform-aws"];
        foreach (var id in hostIds)
        {
            var before = id == "anthropic";
            var after = ApiProviderIds.Find(id, "anthropic")?.ModelIdFormat().IsFirstParty == true;

            // Only Claude Platform on AWS changes: it has first-party model ids.
            Assert.Equal(id == "claude-platform-aws" || before, after);
        }
    }

    [Fact]
    public void Parse_with_the_hosts_first_party_ids_lists_them_among_the_accepted_ids()
    {
        Assert.Equal(ApiProvider.FirstParty, ApiProviderIds.Parse("Anthropic", "anthropic"));
        var ex = Assert.Throws<ArgumentException>(() => ApiProviderIds.Parse("openai", "anthropic"));

        Assert.StartsWith(
            "Unknown provider id \"openai\"; accepted ids (any case): anthropic, first-party, firstParty, bedrock, vertex, foundry, claude-platform-aws, claudePlatformAws.",
            ex.Message,
            StringComparison.Ordinal);
    }

    [Fact]
    public void AcceptedWith_lists_the_hosts_first_party_ids_once_then_the_runtimes()
    {
        Assert.Equal(
            ["anthropic", "first-party", "firstParty", "bedrock", "vertex", "foundry", "claude-platform-aws", "claudePlatformAws"],
            ApiProviderIds.AcceptedWith("anthropic", "Anthropic", "firstParty"));
    }

    [Theory]
    [InlineData("bedrock")]
    [InlineData("Claude-Platform-Aws")]
    public void Another_backends_id_cannot_be_a_first_party_id(string firstPartyId)
    {
        var ex = Assert.Throws<ArgumentException>(() => ApiProviderIds.Find("x", firstPartyId));

        Assert.Equal("firstPartyIds", ex.ParamName);
        Assert.Contains("cannot also mean first party", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Empty_first_party_id_is_rejected()
    {
        var ex = Assert.Throws<ArgumentException>(() => ApiProviderIds.Find("x", ""));

        Assert.Equal("firstPartyIds", ex.ParamName);
    }
}
