namespace ProviderAudit.Runtime.Tests;

public class TransportCapabilityTests
{
    [Fact]
    public void Each_backend_has_its_own_transport_class()
    {
        Assert.IsType<FirstPartyTransport>(RuntimeBackends.FirstParty.Transport);
        Assert.IsType<BedrockTransport>(RuntimeBackends.Bedrock.Transport);
        Assert.IsType<VertexTransport>(RuntimeBackends.Vertex.Transport);
        Assert.IsType<FoundryTransport>(RuntimeBackends.Foundry.Transport);
        Assert.IsType<ClaudePlatformAwsTransport>(RuntimeBackends.ClaudePlatformAws.Transport);
    }

    [Fact]
    public void Each_backends_transport_is_the_one_its_capability_names()
    {
        Assert.All(RuntimeBackends.All, backend => Assert.Equal(backend.AuthTransport.Kind, backend.Transport.Kind));
    }

    [Fact]
    public void Each_backends_model_id_spelling_is_the_one_its_capability_names()
    {
        Assert.All(RuntimeBackends.All, backend => Assert.Equal(backend.ModelIdFormat.Kind, backend.ModelIds.Kind));
    }

    [Fact]
    public void A_backends_capabilities_are_its_enum_values_capabilities()
    {
        Assert.All(RuntimeBackends.All, backend =>
        {
            Assert.Same(backend.Provider.ModelIdFormat(), backend.ModelIdFormat);
            Assert.Same(backend.Provider.AuthTransport(), backend.AuthTransport);
        });
    }

    [Theory]
    [InlineData(ApiProvider.FirstParty, null)]
    [InlineData(ApiProvider.Bedrock, "CLAUDE_CODE_USE_BEDROCK")]
    [InlineData(ApiProvider.Vertex, "CLAUDE_CODE_USE_VERTEX")]
    [InlineData(ApiProvider.Foundry, "CLAUDE_CODE_USE_FOUNDRY")]
    [InlineData(ApiProvider.ClaudePlatformAws, "CLAUDE_CODE_USE_ANTHROPIC_AWS")]
    public void Each_transport_names_its_selector_variable(ApiProvider provider, string? selector)
    {
        Assert.Equal(selector, provider.Backend().Transport.SelectorVariable);
    }

    [Fact]
    public void CPA_transport_owns_the_ANTHROPIC_AWS_variables_and_no_first_party_ones()
    {
        var owned = RuntimeBackends.ClaudePlatformAws.Transport.OwnedVariables;
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
            Assert.DoesNotContain(backend.Transport.OwnedVariables, v => v.StartsWith("ANTHROPIC_AWS_", StringComparison.Ordinal));
        }
    }

    [Fact]
    public void First_party_base_url_defaults_to_api_anthropic_com()
    {
        Assert.Equal(new Uri("https://api.anthropic.com"), RuntimeBackends.FirstParty.Validate(TestEnv.Inputs(TestEnv.Of())).BaseUri);
    }

    [Fact]
    public void CPA_base_url_is_null_without_a_region()
    {
        Assert.Null(RuntimeBackends.ClaudePlatformAws.Validate(TestEnv.Inputs(TestEnv.Of(("ANTHROPIC_AWS_WORKSPACE_ID", TestEnv.WorkspaceId)))).BaseUri);
    }

    [Fact]
    public void Vertex_requires_region_and_project()
    {
        var validation = RuntimeBackends.Vertex.Validate(TestEnv.Inputs(TestEnv.Of(("CLAUDE_CODE_USE_VERTEX", "1"))));
        Assert.Contains(validation.Problems, p => p.Variable == "CLOUD_ML_REGION");
        Assert.Contains(validation.Problems, p => p.Variable == "ANTHROPIC_VERTEX_PROJECT_ID");
    }

    [Fact]
    public void Vertex_global_region_uses_the_global_endpoint()
    {
        var env = TestEnv.Of(("CLOUD_ML_REGION", "global"), ("ANTHROPIC_VERTEX_PROJECT_ID", "p"), ("GOOGLE_APPLICATION_CREDENTIALS", "/k.json"));
        Assert.Equal(new Uri("https://aiplatform.googleapis.com"), RuntimeBackends.Vertex.Validate(TestEnv.Inputs(env)).BaseUri);
    }

    [Fact]
    public void Foundry_resource_gives_the_services_ai_azure_endpoint()
    {
        var env = TestEnv.Of(("ANTHROPIC_FOUNDRY_RESOURCE", "my-res"), ("ANTHROPIC_FOUNDRY_API_KEY", "foundry-key-123456"));
        var validation = RuntimeBackends.Foundry.Validate(TestEnv.Inputs(env));
        Assert.True(validation.InputsValid);
        Assert.Equal(new Uri("https://my-res.services.ai.azure.com/anthropic/"), validation.BaseUri);
    }

    [Fact]
    public void Bedrock_requires_a_region()
    {
        var validation = RuntimeBackends.Bedrock.Validate(TestEnv.Inputs(TestEnv.Of(("AWS_ACCESS_KEY_ID", "AKIDEXAMPLE"), ("AWS_SECRET_ACCESS_KEY", TestEnv.AwsSecret))));
        Assert.Equal("AWS_REGION", Assert.Single(validation.Problems).Variable);
    }
}
