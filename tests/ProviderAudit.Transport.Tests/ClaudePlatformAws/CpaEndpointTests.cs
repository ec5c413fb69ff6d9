using ProviderAudit.Runtime.Aws;

namespace ProviderAudit.Transport.Tests.Transport;

public sealed class CpaEndpointTests
{
    [Fact]
    public void BaseUrlIsDerivedFromTheRegion()
    {
        var endpoint = CpaEndpoint.Create("wrkspc_1", "us-west-2");

        Assert.Equal("https://aws-external-anthropic.us-west-2.api.aws", endpoint.BaseUrl);
        Assert.False(endpoint.BaseUriOverridden);
    }

    [Fact]
    public void BaseUrlOverrideIsHonoured()
    {
        var endpoint = CpaEndpoint.Create("wrkspc_1", "us-west-2", "https://gateway.example.com/anthropic");

        Assert.Equal("https://gateway.example.com/anthropic", endpoint.BaseUrl);
        Assert.True(endpoint.BaseUriOverridden);
    }

    [Fact]
    public void PlainHttpOverrideIsAcceptedForLoopback()
    {
        var endpoint = CpaEndpoint.Create("wrkspc_1", "us-west-2", "http://127.0.0.1:8080");

        Assert.Equal("http://127.0.0.1:8080", endpoint.BaseUrl);
    }

    [Theory]
    [InlineData("http://gateway.example.com")]
    [InlineData("https://user:pass@gateway.example.com")]
    [InlineData("https://gateway.example.com/?x=1")]
    [InlineData("ftp://gateway.example.com")]
    [InlineData("not a url")]
    public void UnsafeBaseUrlOverrideIsRejected(string value)
    {
        var error = Assert.Throws<CpaConfigurationException>(() => CpaEndpoint.Create("wrkspc_1", "us-west-2", value));

        Assert.Equal("ANTHROPIC_AWS_BASE_URL", error.Variable);
    }

    [Theory]
    [InlineData("us-east-1.evil.com")]
    [InlineData("US_EAST_1")]
    [InlineData("")]
    [InlineData(null)]
    [InlineData("us-east-1/../x")]
    [InlineData("us-east-1\r\nHost: evil")]
    public void InvalidRegionIsRejected(string? region)
    {
        var error = Assert.Throws<CpaConfigurationException>(() => CpaEndpoint.Create("wrkspc_1", region));

        Assert.Equal("AWS_REGION", error.Variable);
        Assert.Contains("us-west-2", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("wrkspc_1\r\nx-api-key: sk-ant-api03-x")]
    [InlineData("wrkspc_1\n")]
    [InlineData("wrkspc\u00001")]
    [InlineData("wrkspc 1")]
    [InlineData("")]
    public void WorkspaceIdWithControlCharactersOrWhitespaceIsRejected(string workspaceId)
    {
        var error = Assert.Throws<CpaConfigurationException>(() => CpaEndpoint.Create(workspaceId, "us-west-2"));

        Assert.Equal("ANTHROPIC_AWS_WORKSPACE_ID", error.Variable);
    }
}
