namespace ProviderAudit.Runtime.Tests;

public class ModelCatalogTests
{
    private static CatalogModel Opus => ModelCatalog.Default.Find("claude-opus-4-5-20251101")!;
    private static CatalogModel Sonnet46 => ModelCatalog.Default.Find("claude-sonnet-4-6")!;

    [Fact]
    public void Model_ids_remain_first_party_format_for_CPA_and_do_not_use_Bedrock_prefixes()
    {
        foreach (var model in ModelCatalog.Default.Models)
        {
            var wireId = ModelCatalog.WireId(model, RuntimeBackends.ClaudePlatformAws);
            Assert.Equal(model.Id, wireId);
            Assert.DoesNotContain("anthropic.", wireId, StringComparison.Ordinal);
            Assert.DoesNotContain(BedrockModelIdFormat.InferenceProfilePrefixes, p => wireId.StartsWith(p + ".", StringComparison.Ordinal));
            Assert.DoesNotContain(":", wireId, StringComparison.Ordinal);
            Assert.DoesNotContain("@", wireId, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void CPA_and_first_party_share_the_model_id_format_instance()
    {
        Assert.Same(RuntimeBackends.FirstParty.ModelIdFormat, RuntimeBackends.ClaudePlatformAws.ModelIdFormat);
    }

    [Fact]
    public void Aliases_resolve_to_the_dated_model()
    {
        Assert.Same(Opus, ModelCatalog.Default.Find("claude-opus-4-5"));
        Assert.Same(ModelCatalog.Default.Find("claude-haiku-4-5-20251001"), ModelCatalog.Default.Find("claude-haiku-4-5"));
        Assert.Null(ModelCatalog.Default.Find("claude-unknown-1"));
    }

    [Fact]
    public void Bedrock_wire_id_is_anthropic_prefixed_with_version_suffix()
    {
        Assert.Equal("anthropic.claude-opus-4-5-20251101-v1:0", ModelCatalog.WireId(Opus, RuntimeBackends.Bedrock));
    }

    [Fact]
    public void Bedrock_inference_profile_prefix_is_written()
    {
        Assert.Equal("us.anthropic.claude-opus-4-5-20251101-v1:0", BedrockModelIdFormat.WithInferenceProfile("us").ToWireId(Opus));
        Assert.Equal("global.anthropic.claude-sonnet-4-6-v1:0", BedrockModelIdFormat.WithInferenceProfile("global").ToWireId(Sonnet46));
    }

    [Fact]
    public void Unknown_inference_profile_prefix_is_rejected()
    {
        var ex = Assert.Throws<ArgumentException>(() => BedrockModelIdFormat.WithInferenceProfile("mars"));
        Assert.Contains("us, eu, apac, global", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("anthropic.claude-opus-4-5-20251101-v1:0", "claude-opus-4-5-20251101")]
    [InlineData("us.anthropic.claude-opus-4-5-20251101-v1:0", "claude-opus-4-5-20251101")]
    [InlineData("apac.anthropic.claude-haiku-4-5-20251001-v1:0", "claude-haiku-4-5-20251001")]
    [InlineData("anthropic.claude-sonnet-4-6", "claude-sonnet-4-6")]
    [InlineData("arn:aws:bedrock:us-east-1:123456789012:inference-profile/us.anthropic.claude-sonnet-4-5-20250929-v1:0", "claude-sonnet-4-5-20250929")]
    [InlineData("arn:aws:bedrock:us-east-1::foundation-model/anthropic.claude-opus-4-5-20251101-v1:0", "claude-opus-4-5-20251101")]
    public void Bedrock_wire_ids_parse_back_to_first_party_ids(string wireId, string expected)
    {
        Assert.True(RuntimeBackends.Bedrock.TryParseWireId(wireId, out var id));
        Assert.Equal(expected, id);
    }

    [Fact]
    public void Vertex_wire_id_uses_at_date_when_the_model_is_dated()
    {
        Assert.Equal("claude-opus-4-5@20251101", ModelCatalog.WireId(Opus, RuntimeBackends.Vertex));
        Assert.Equal("claude-sonnet-4-6", ModelCatalog.WireId(Sonnet46, RuntimeBackends.Vertex));
    }

    [Theory]
    [InlineData("claude-sonnet-4-5@20250929", "claude-sonnet-4-5-20250929")]
    [InlineData("claude-sonnet-4-6", "claude-sonnet-4-6")]
    public void Vertex_wire_ids_parse_back(string wireId, string expected)
    {
        Assert.True(RuntimeBackends.Vertex.TryParseWireId(wireId, out var id));
        Assert.Equal(expected, id);
    }

    [Fact]
    public void Foundry_wire_id_is_the_default_deployment_name()
    {
        Assert.Equal("claude-opus-4-5", ModelCatalog.WireId(Opus, RuntimeBackends.Foundry));
    }

    [Theory]
    [InlineData("anthropic.claude-opus-4-5-20251101-v1:0")]
    [InlineData("us.anthropic.claude-opus-4-5-20251101-v1:0")]
    [InlineData("claude-opus-4-5@20251101")]
    [InlineData("arn:aws:bedrock:us-east-1::foundation-model/anthropic.claude-opus-4-5-20251101-v1:0")]
    [InlineData("gpt-5")]
    public void First_party_format_rejects_other_formats_ids(string wireId)
    {
        Assert.False(RuntimeBackends.ClaudePlatformAws.TryParseWireId(wireId, out _));
    }

    [Fact]
    public void Every_backend_round_trips_every_catalog_model()
    {
        foreach (var backend in RuntimeBackends.All)
        {
            foreach (var model in ModelCatalog.Default.Models)
            {
                var wireId = ModelCatalog.WireId(model, backend);
                var parsed = ModelCatalog.Default.FromWireId(wireId, backend);
                Assert.True(ReferenceEquals(model, parsed), $"{backend.Id}: {wireId}");
            }
        }
    }

    [Fact]
    public void Every_catalog_model_is_available_on_every_backend()
    {
        Assert.All(RuntimeBackends.All, b => Assert.All(ModelCatalog.Default.Models, m => Assert.True(ModelCatalog.IsAvailable(m, b))));
    }

    [Fact]
    public void Tool_support_is_asked_through_the_transport()
    {
        Assert.All(RuntimeBackends.All, b => Assert.True(ModelCatalog.SupportsTools(Opus, b)));
    }

    [Fact]
    public void Anthropic_API_betas_reach_first_party_and_CPA_but_not_the_cloud_platforms()
    {
        Assert.True(ModelCatalog.SupportsBeta(Sonnet46, "context-1m-2025-08-07", RuntimeBackends.FirstParty));
        Assert.True(ModelCatalog.SupportsBeta(Sonnet46, "context-1m-2025-08-07", RuntimeBackends.ClaudePlatformAws));
        Assert.False(ModelCatalog.SupportsBeta(Sonnet46, "context-1m-2025-08-07", RuntimeBackends.Bedrock));
        Assert.False(ModelCatalog.SupportsBeta(Sonnet46, "context-1m-2025-08-07", RuntimeBackends.Vertex));
    }

    [Fact]
    public void Fast_mode_beta_is_first_party_only_not_CPA()
    {
        var fastMode = Opus.Betas.Single(b => b.RequiredFeature == TransportFeature.FastMode).Name;
        Assert.True(ModelCatalog.SupportsBeta(Opus, fastMode, RuntimeBackends.FirstParty));
        Assert.False(ModelCatalog.SupportsBeta(Opus, fastMode, RuntimeBackends.ClaudePlatformAws));
    }

    [Fact]
    public void Betas_the_model_does_not_have_are_unsupported_everywhere()
    {
        Assert.All(RuntimeBackends.All, b => Assert.False(ModelCatalog.SupportsBeta(ModelCatalog.Default.Find("claude-haiku-4-5")!, "context-1m-2025-08-07", b)));
    }
}

/// <summary>The static catalog is kept current: the ids a current Claude Code sends are in it (reference doc, observed 2.1.331).</summary>
public class StaticCatalogCurrencyTests
{
    [Theory]
    [InlineData("claude-opus-5-5")]
    [InlineData("claude-sonnet-4-6")]
    [InlineData("claude-opus-4-5-20251101")]
    [InlineData("claude-haiku-4-5-20251001")]
    public void The_ids_a_current_Claude_Code_sends_are_in_the_static_catalog(string id)
    {
        Assert.NotNull(ModelCatalog.Default.Find(id));
    }
}
