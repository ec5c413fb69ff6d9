namespace ProviderAudit.Runtime.Tests;

public class TransportCapabilityTests
{
    [Fact]
    public void Each_transport_is_its_own_class()
    {
        Assert.IsType<FirstPartyTransport>(AuthTransports.FirstParty);
        Assert.IsType<BedrockTransport>(AuthTransports.Bedrock);
        Assert.IsType<VertexTransport>(AuthTransports.Vertex);
        Assert.IsType<FoundryTransport>(AuthTransports.Foundry);
        Assert.IsType<ClaudePlatformAwsTransport>(AuthTransports.ClaudePlatformAws);
    }

    [Theory]
    [InlineData(ApiProvider.FirstParty, null)]
    [InlineData(ApiProvider.Bedrock, "CLAUDE_CODE_USE_BEDROCK")]
    [InlineData(ApiProvider.Vertex, "CLAUDE_CODE_USE_VERTEX")]
    [InlineData(ApiProvider.Foundry, "CLAUDE_CODE_USE_FOUNDRY")]
    [InlineData(ApiProvider.ClaudePlatformAws, "CLAUDE_CODE_USE_ANTHROPIC_AWS")]
    public void Each_transport_names_its_selector_variable(ApiProvider provider, string? selector)
    {
        Assert.Equal(selector, provider.AuthTransport().SelectorVariable);
    }

    [Fact]
    public void CPA_transport_owns_the_ANTHROPIC_AWS_variables_and_no_first_party_ones()
    {
        var owned = AuthTransports.ClaudePlatformAws.OwnedVariables;
        Assert.Contains("ANTHROPIC_AWS_WORKSPACE_ID", owned);
        Assert.Contains("ANTHROPIC_AWS_API_KEY", owned);
        Assert.Contains("ANTHROPIC_AWS_BASE_URL", owned);
        Assert.Contains("AWS_PROFILE", owned);
        Assert.DoesNotContain("ANTHROPIC_API_KEY", owned);
        Assert.DoesNotContain("ANTHROPIC_AUTH_TOKEN", owned);
        Assert.DoesNotContain("ANTHROPIC_CUSTOM_HEADERS", owned);
    }

    [Fact]
    public void No_other_transport_owns_ANTHROPIC_AWS_variables()
    {
        foreach (var backend in RuntimeBackends.All.Where(b => !ReferenceEquals(b, RuntimeBackends.ClaudePlatformAws)))
        {
            Assert.DoesNotContain(backend.AuthTransport.OwnedVariables, v => v.StartsWith("ANTHROPIC_AWS_", StringComparison.Ordinal));
        }
    }

    [Fact]
    public void CPA_transport_does_not_support_first_party_only_features()
    {
        var cpa = AuthTransports.ClaudePlatformAws;
        Assert.False(cpa.Supports(TransportFeature.OAuthSignIn));
        Assert.False(cpa.Supports(TransportFeature.FastMode));
        Assert.False(cpa.Supports(TransportFeature.AdminApi));
        Assert.True(cpa.Supports(TransportFeature.Messages));
        Assert.True(cpa.Supports(TransportFeature.ListModels));
        Assert.True(AuthTransports.FirstParty.Supports(TransportFeature.OAuthSignIn));
    }

    [Fact]
    public void First_party_base_url_defaults_to_api_anthropic_com()
    {
        Assert.Equal(new Uri("https://api.anthropic.com"), AuthTransports.FirstParty.ResolveBaseUri(TestEnv.Inputs(TestEnv.Of())));
    }

    [Fact]
    public void CPA_base_url_is_null_without_a_region()
    {
        Assert.Null(AuthTransports.ClaudePlatformAws.ResolveBaseUri(TestEnv.Inputs(TestEnv.Of(("ANTHROPIC_AWS_WORKSPACE_ID", TestEnv.WorkspaceId)))));
    }

    [Fact]
    public void Vertex_requires_region_and_project()
    {
        var validation = AuthTransports.Vertex.Validate(TestEnv.Inputs(TestEnv.Of(("CLAUDE_CODE_USE_VERTEX", "1"))));
        Assert.Contains(validation.Problems, p => p.Variable == "CLOUD_ML_REGION");
        Assert.Contains(validation.Problems, p => p.Variable == "ANTHROPIC_VERTEX_PROJECT_ID");
    }

    [Fact]
    public void Vertex_global_region_uses_the_global_endpoint()
    {
        var env = TestEnv.Of(("CLOUD_ML_REGION", "global"), ("ANTHROPIC_VERTEX_PROJECT_ID", "p"), ("GOOGLE_APPLICATION_CREDENTIALS", "/k.json"));
        Assert.Equal(new Uri("https://aiplatform.googleapis.com"), AuthTransports.Vertex.ResolveBaseUri(TestEnv.Inputs(env)));
    }

    [Fact]
    public void Foundry_resource_gives_the_services_ai_azure_endpoint()
    {
        var env = TestEnv.Of(("ANTHROPIC_FOUNDRY_RESOURCE", "my-res"), ("ANTHROPIC_FOUNDRY_API_KEY", "foundry-key-123456"));
        var validation = AuthTransports.Foundry.Validate(TestEnv.Inputs(env));
        Assert.True(validation.InputsValid);
        Assert.Equal(new Uri("https://my-res.services.ai.azure.com/anthropic/"), validation.BaseUri);
    }

    [Fact]
    public void Bedrock_requires_a_region()
    {
        var validation = AuthTransports.Bedrock.Validate(TestEnv.Inputs(TestEnv.Of(("AWS_ACCESS_KEY_ID", "AKIDEXAMPLE"), ("AWS_SECRET_ACCESS_KEY", TestEnv.AwsSecret))));
        Assert.Equal("AWS_REGION", Assert.Single(validation.Problems).Variable);
    }
}
