using ProviderAudit.Runtime;

namespace ProviderAudit.Abstractions.Tests;

/// <summary>Which features each transport carries: first party all; Claude Platform on AWS all but fast mode and the account-bound ones; the clouds three.</summary>
public class TransportFeatureTests
{
    private static readonly TransportFeature[] CloudFeatures = [TransportFeature.Messages, TransportFeature.ToolUse, TransportFeature.CountTokens];

    private static readonly TransportFeature[] FirstPartyOnly = [TransportFeature.FastMode, TransportFeature.OAuthSignIn, TransportFeature.SettingsSync, TransportFeature.AdminApi];

    private static TransportFeature[] Every => (TransportFeature[])Enum.GetValues(typeof(TransportFeature));

    [Fact]
    public void First_party_carries_every_feature()
    {
        Assert.All(Every, feature => Assert.True(AuthTransports.FirstParty.Supports(feature), feature.ToString()));
    }

    [Fact]
    public void Claude_Platform_on_AWS_carries_every_feature_but_fast_mode_and_the_account_bound_ones()
    {
        Assert.Equal(Every.Except(FirstPartyOnly), Every.Where(AuthTransports.ClaudePlatformAws.Supports));
    }

    [Theory]
    [InlineData(AuthTransportKind.Bedrock)]
    [InlineData(AuthTransportKind.Vertex)]
    [InlineData(AuthTransportKind.Foundry)]
    public void Each_cloud_carries_messages_tools_and_token_counting_only(AuthTransportKind kind)
    {
        var transport = new[] { AuthTransports.Bedrock, AuthTransports.Vertex, AuthTransports.Foundry }.Single(t => t.Kind == kind);

        Assert.Equal(CloudFeatures, Every.Where(transport.Supports));
    }
}
