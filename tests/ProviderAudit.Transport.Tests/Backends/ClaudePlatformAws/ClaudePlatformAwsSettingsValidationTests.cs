namespace ProviderAudit.Transport.Tests.ClaudePlatformAws;

/// <summary>
/// The values that end up in a host name, a URL or a header are validated once, by <see cref="ClaudePlatformAwsSettings"/>;
/// the request client is built from the validated settings and validates nothing again.
/// </summary>
public sealed class ClaudePlatformAwsSettingsValidationTests
{
    private static Dictionary<string, string> Env(string? workspaceId = "wrkspc_1", string? region = "us-west-2", string? baseUrl = null)
    {
        var env = new Dictionary<string, string>(StringComparer.Ordinal) { ["ANTHROPIC_AWS_API_KEY"] = "aws-cpa-key-0123456789" };
        if (workspaceId is not null) env["ANTHROPIC_AWS_WORKSPACE_ID"] = workspaceId;
        if (region is not null) env["AWS_REGION"] = region;
        if (baseUrl is not null) env["ANTHROPIC_AWS_BASE_URL"] = baseUrl;
        return env;
    }

    private static IReadOnlyList<ConfigurationProblem> Problems(Dictionary<string, string> env) =>
        ClaudePlatformAwsSettings.TryRead(new TransportInputs(env, null, _ => false), out _, out var problems) ? [] : problems;

    [Fact]
    public void Base_url_is_derived_from_the_region()
    {
        Assert.Equal(new Uri("https://aws-external-anthropic.us-west-2.api.aws"), ClaudePlatformAwsSettings.Read(Env()).BaseUri);
    }

    [Fact]
    public void Https_override_with_a_path_is_kept()
    {
        Assert.Equal(new Uri("https://gateway.example.com/anthropic"), ClaudePlatformAwsSettings.Read(Env(baseUrl: "https://gateway.example.com/anthropic")).BaseUri);
    }

    [Fact]
    public void Plain_http_override_is_accepted_for_loopback_only()
    {
        Assert.Equal(new Uri("http://127.0.0.1:8080"), ClaudePlatformAwsSettings.Read(Env(baseUrl: "http://127.0.0.1:8080")).BaseUri);
    }

    [Theory]
    [InlineData("http://gateway.example.com")]
    [InlineData("https://user:pass@gateway.example.com")]
    [InlineData("https://gateway.example.com/?x=1")]
    [InlineData("ftp://gateway.example.com")]
    [InlineData("not a url")]
    public void Unsafe_base_url_override_is_rejected(string value)
    {
        Assert.Equal("ANTHROPIC_AWS_BASE_URL", Assert.Single(Problems(Env(baseUrl: value))).Variable);
    }

    [Theory]
    [InlineData("us-east-1.evil.com")]
    [InlineData("US_EAST_1")]
    [InlineData("")]
    [InlineData(null)]
    [InlineData("us-east-1/../x")]
    [InlineData("us-east-1\r\nHost: evil")]
    public void Invalid_region_is_rejected(string? region)
    {
        var problem = Assert.Single(Problems(Env(region: region)));

        Assert.Equal("AWS_REGION", problem.Variable);
        Assert.Contains("us-west-2", problem.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("wrkspc_1\r\nx-api-key: sk-ant-api03-x")]
    [InlineData("wrkspc_1\n")]
    [InlineData("wrkspc\u00001")]
    [InlineData("wrkspc 1")]
    [InlineData("")]
    public void Workspace_id_with_control_characters_or_whitespace_is_rejected(string workspaceId)
    {
        Assert.Equal("ANTHROPIC_AWS_WORKSPACE_ID", Assert.Single(Problems(Env(workspaceId: workspaceId))).Variable);
    }
}
