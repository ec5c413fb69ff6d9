using ProviderAudit.Runtime;

namespace ProviderAudit.Runtime.Tests;

public class CapabilityTableTests
{
    [Theory]
    [InlineData(ApiProvider.FirstParty, true, true)]
    [InlineData(ApiProvider.ClaudePlatformAws, true, false)]
    [InlineData(ApiProvider.Bedrock, false, false)]
    [InlineData(ApiProvider.Vertex, false, false)]
    [InlineData(ApiProvider.Foundry, false, false)]
    public void Each_provider_answers_both_capability_questions(ApiProvider provider, bool firstPartyModelIds, bool firstPartyTransport)
    {
        Assert.Equal(firstPartyModelIds, provider.ModelIdFormat().IsFirstParty);
        Assert.Equal(firstPartyTransport, provider.AuthTransport().IsFirstParty);
    }

    [Theory]
    [InlineData(ApiProvider.FirstParty, "first-party", "Anthropic")]
    [InlineData(ApiProvider.Bedrock, "bedrock", "Amazon Bedrock")]
    [InlineData(ApiProvider.Vertex, "vertex", "Google Vertex AI")]
    [InlineData(ApiProvider.Foundry, "foundry", "Microsoft Foundry")]
    [InlineData(ApiProvider.ClaudePlatformAws, "claude-platform-aws", "Claude Platform on AWS")]
    public void Each_provider_has_a_stable_id_and_label(ApiProvider provider, string id, string label)
    {
        Assert.Equal(id, provider.Backend().Id);
        Assert.Equal(label, provider.Backend().DisplayName);
        Assert.Same(provider.Backend(), RuntimeBackends.FindById(id));
    }

    [Fact]
    public void Undefined_provider_value_is_rejected_with_the_parameter_named()
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => ((ApiProvider)42).ModelIdFormat());
        Assert.Equal("provider", ex.ParamName);
    }
}
