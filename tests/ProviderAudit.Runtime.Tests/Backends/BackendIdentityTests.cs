namespace ProviderAudit.Runtime.Tests;

/// <summary>
/// The runtime's backends carry the same ids and labels that ApiProviderIds (in the ProviderAudit package, which cannot
/// see the runtime) accepts, and answer the same capabilities as their enum values.
/// </summary>
public class BackendIdentityTests
{
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
    public void ApiProviderIds_accepts_exactly_every_backend_id_and_telemetry_label()
    {
        var expected = RuntimeBackends.All.SelectMany(b => new[] { b.Id, b.TelemetryLabel }).Distinct().ToArray();

        Assert.Equal(expected, ApiProviderIds.Accepted);
    }

    [Fact]
    public void Every_backend_id_and_telemetry_label_parses_to_its_backend()
    {
        foreach (var backend in RuntimeBackends.All)
        {
            Assert.Equal(backend.Provider, ApiProviderIds.Parse(backend.Id));
            Assert.Equal(backend.Provider, ApiProviderIds.Parse(backend.TelemetryLabel));
        }
    }

    [Fact]
    public void Undefined_provider_value_has_no_backend()
    {
        Assert.Equal("provider", Assert.Throws<ArgumentOutOfRangeException>(() => ((ApiProvider)42).Backend()).ParamName);
    }
}
