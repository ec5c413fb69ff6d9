using ProviderAudit.Runtime;

namespace ProviderAudit.Abstractions.Tests;

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
    [InlineData(ApiProvider.FirstParty, ModelIdFormatKind.FirstParty, AuthTransportKind.FirstParty)]
    [InlineData(ApiProvider.ClaudePlatformAws, ModelIdFormatKind.FirstParty, AuthTransportKind.ClaudePlatformAws)]
    [InlineData(ApiProvider.Bedrock, ModelIdFormatKind.Bedrock, AuthTransportKind.Bedrock)]
    [InlineData(ApiProvider.Vertex, ModelIdFormatKind.Vertex, AuthTransportKind.Vertex)]
    [InlineData(ApiProvider.Foundry, ModelIdFormatKind.Foundry, AuthTransportKind.Foundry)]
    public void Each_provider_names_the_kind_of_both_capabilities(ApiProvider provider, ModelIdFormatKind modelIds, AuthTransportKind transport)
    {
        Assert.Equal(modelIds, provider.ModelIdFormat().Kind);
        Assert.Equal(transport, provider.AuthTransport().Kind);
    }

    [Fact]
    public void Claude_Platform_on_AWS_shares_the_first_party_model_id_format_value()
    {
        Assert.Same(ModelIdFormats.FirstParty, ApiProvider.ClaudePlatformAws.ModelIdFormat());
        Assert.Same(AuthTransports.ClaudePlatformAws, ApiProvider.ClaudePlatformAws.AuthTransport());
    }

    [Fact]
    public void Undefined_provider_value_is_rejected_with_the_parameter_named()
    {
        Assert.Equal("provider", Assert.Throws<ArgumentOutOfRangeException>(() => ((ApiProvider)42).ModelIdFormat()).ParamName);
        Assert.Equal("provider", Assert.Throws<ArgumentOutOfRangeException>(() => ((ApiProvider)(-1)).AuthTransport()).ParamName);
    }
}
