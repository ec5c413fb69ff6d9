namespace ProviderAudit.Runtime.Tests;

/// <summary>
/// Every model pin a launched Claude Code reads is checked against the selected backend's id format and, when known, its
/// model list; a pin in another backend's format names the id to use instead.
/// </summary>
public class ModelPinChecksTests
{
    public static TheoryData<string> EveryPinVariable => new(ModelPins.Variables);

    private static BackendModels Listed(RuntimeBackend backend, params string[] ids) =>
        BackendModels.FromList(backend, "workspace wrkspc_test, region us-east-1", ModelListSource.Cached, ids.Select(i => (i, i)).ToArray(), DateTimeOffset.UnixEpoch, null);

    [Theory]
    [MemberData(nameof(EveryPinVariable))]
    public void Every_pin_variable_is_read_and_checked(string variable)
    {
        var pins = ModelPins.From(TestEnv.Of((variable, "anthropic.claude-sonnet-4-5-20250929-v1:0")));

        var verdict = Assert.Single(ModelPinChecks.Check(pins, RuntimeBackends.ClaudePlatformAws));

        Assert.Equal(variable, verdict.Source);
        Assert.Equal(ModelPinVerdictKind.OtherFormat, verdict.Kind);
        Assert.Equal("claude-sonnet-4-5-20250929", verdict.UseInstead);
    }

    [Fact]
    public void A_key_pasted_into_a_pin_with_a_tab_inside_is_hidden_whole_in_its_verdict()
    {
        // Found by the no-secret property at 10,000 cases (run seed 016efe90869a45ab): the tail after the tab was shown.
        const string pasted = "sk-ant-api03-H6pUcE3OVemTLT9H_mcXbTFvoyo8ATPjgPcCL\tM1yLcUUsZeq0";
        var env = TestEnv.Of(("ANTHROPIC_API_KEY", "sk-ant-api03-Ze1-0aDo9J5q1HBJfNeVtKFC0e-sz2rdottWy35D143B4GwfuLtz0"), ("CLAUDE_CODE_SUBAGENT_MODEL", pasted));

        var verdict = Assert.Single(ModelPinChecks.Check(ModelPins.From(env), RuntimeBackends.FirstParty));

        Assert.Equal(ModelPinVerdictKind.Malformed, verdict.Kind);
        Assert.Equal(DisplayText.HiddenCredential, verdict.Value);
        Assert.DoesNotContain("M1yLcUUs", verdict.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_settings_model_is_a_pin_too()
    {
        var settings = HostSettingsReader.Parse("""{ "model": "us.anthropic.claude-opus-4-5-20251101-v1:0" }""", "settings.json");

        var verdict = Assert.Single(ModelPinChecks.Check(ModelPins.From(TestEnv.Of(), settings), RuntimeBackends.ClaudePlatformAws));

        Assert.Equal(ModelPins.SettingsModelSource, verdict.Source);
        Assert.Equal(ModelPinVerdictKind.OtherFormat, verdict.Kind);
        Assert.Equal("claude-opus-4-5-20251101", verdict.UseInstead);
    }

    [Theory]
    [InlineData("us.anthropic.claude-opus-4-5-20251101-v1:0", "claude-opus-4-5-20251101")]
    [InlineData("arn:aws:bedrock:us-east-1::foundation-model/anthropic.claude-haiku-4-5-20251001-v1:0", "claude-haiku-4-5-20251001")]
    [InlineData("claude-sonnet-4-5@20250929", "claude-sonnet-4-5-20250929")]
    public void A_pin_in_another_backends_format_on_Claude_Platform_on_AWS_names_the_first_party_id(string pin, string instead)
    {
        var verdict = ModelPinChecks.Check(new ModelPin("ANTHROPIC_MODEL", pin), RuntimeBackends.ClaudePlatformAws);

        Assert.Equal(ModelPinVerdictKind.OtherFormat, verdict.Kind);
        Assert.Equal(instead, verdict.UseInstead);
        Assert.Contains($"set ANTHROPIC_MODEL to {instead}", verdict.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_first_party_pin_on_Bedrock_names_the_Bedrock_id()
    {
        var verdict = ModelPinChecks.Check(new ModelPin("ANTHROPIC_DEFAULT_OPUS_MODEL", "claude-opus-4-5-20251101"), RuntimeBackends.Bedrock);

        Assert.Equal(ModelPinVerdictKind.OtherFormat, verdict.Kind);
        Assert.Equal("anthropic.claude-opus-4-5-20251101-v1:0", verdict.UseInstead);
    }

    [Fact]
    public void The_suggestion_is_the_id_the_backend_lists_when_its_list_is_known()
    {
        var verdict = ModelPinChecks.Check(new ModelPin("ANTHROPIC_MODEL", "us.anthropic.claude-haiku-4-5-20251001-v1:0"), RuntimeBackends.ClaudePlatformAws,
            Listed(RuntimeBackends.ClaudePlatformAws, "claude-haiku-4-5-20251001"));

        Assert.Equal("claude-haiku-4-5-20251001", verdict.UseInstead);
    }

    [Theory]
    [InlineData("ANTHROPIC_MODEL", "opus", ModelPinVerdictKind.Alias)]
    [InlineData("ANTHROPIC_MODEL", "sonnet[1m]", ModelPinVerdictKind.Alias)]
    [InlineData("CLAUDE_CODE_SUBAGENT_MODEL", "haiku", ModelPinVerdictKind.Alias)]
    [InlineData("ANTHROPIC_DEFAULT_OPUS_MODEL", "opus", ModelPinVerdictKind.NotAnId)]
    [InlineData("ANTHROPIC_SMALL_FAST_MODEL", "haiku", ModelPinVerdictKind.NotAnId)]
    public void Aliases_are_accepted_only_where_Claude_Code_takes_them(string variable, string pin, ModelPinVerdictKind expected)
    {
        Assert.Equal(expected, ModelPinChecks.Check(new ModelPin(variable, pin), RuntimeBackends.ClaudePlatformAws).Kind);
    }

    [Fact]
    public void A_pin_in_the_format_but_missing_from_the_list_is_unavailable_naming_what_is_listed()
    {
        var verdict = ModelPinChecks.Check(new ModelPin("ANTHROPIC_DEFAULT_OPUS_MODEL", "claude-opus-5-5"), RuntimeBackends.ClaudePlatformAws,
            Listed(RuntimeBackends.ClaudePlatformAws, "claude-opus-4-5-20251101", "claude-sonnet-4-6"));

        Assert.Equal(ModelPinVerdictKind.Unavailable, verdict.Kind);
        Assert.Contains("claude-opus-4-5-20251101, claude-sonnet-4-6", verdict.Message, StringComparison.Ordinal);
        Assert.Equal("claude-opus-4-5-20251101", verdict.UseInstead);
    }

    [Fact]
    public void A_pin_in_the_format_without_a_known_list_is_ok_and_says_it_was_not_checked_against_one()
    {
        var verdict = ModelPinChecks.Check(new ModelPin("ANTHROPIC_MODEL", "claude-opus-5-5"), RuntimeBackends.ClaudePlatformAws);

        Assert.Equal(ModelPinVerdictKind.Ok, verdict.Kind);
        Assert.Contains("not checked against a model list", verdict.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_listed_pin_with_the_1m_suffix_is_ok()
    {
        var verdict = ModelPinChecks.Check(new ModelPin("ANTHROPIC_MODEL", "claude-sonnet-4-6[1m]"), RuntimeBackends.ClaudePlatformAws,
            Listed(RuntimeBackends.ClaudePlatformAws, "claude-sonnet-4-6"));

        Assert.Equal(ModelPinVerdictKind.Ok, verdict.Kind);
    }

    [Fact]
    public void Status_shows_every_pin_set_with_its_verdict()
    {
        var env = TestEnv.Of(("ANTHROPIC_API_KEY", TestEnv.FirstPartyKey),
            ("ANTHROPIC_MODEL", "opus"), ("ANTHROPIC_SMALL_FAST_MODEL", "claude-haiku-4-5-20251001"), ("ANTHROPIC_DEFAULT_OPUS_MODEL", "claude-opus-5-5"),
            ("ANTHROPIC_DEFAULT_SONNET_MODEL", "claude-sonnet-4-6"), ("ANTHROPIC_DEFAULT_HAIKU_MODEL", "anthropic.claude-haiku-4-5-20251001-v1:0"),
            ("CLAUDE_CODE_SUBAGENT_MODEL", "claude-sonnet-4-6"));
        var settings = new HostSettings(model: "sonnet");

        var status = TestEnv.Status(env, settings);

        Assert.Equal([.. ModelPins.Variables, ModelPins.SettingsModelSource], status.Pins.Select(p => p.Source));
        var haiku = Assert.Single(status.Pins, p => p.IsProblem);
        Assert.Equal("ANTHROPIC_DEFAULT_HAIKU_MODEL", haiku.Source);
        Assert.Contains(status.Warnings, w => w == haiku.Message);
    }

    [Fact]
    public void Status_scrubs_a_secret_pasted_into_a_pin()
    {
        var env = TestEnv.Of(("ANTHROPIC_API_KEY", TestEnv.FirstPartyKey), ("ANTHROPIC_MODEL", TestEnv.FirstPartyKey));

        var status = TestEnv.Status(env);

        Assert.DoesNotContain(TestEnv.FirstPartyKey, Assert.Single(status.Pins).Value, StringComparison.Ordinal);
        Assert.DoesNotContain(TestEnv.FirstPartyKey, status.Pins[0].Message, StringComparison.Ordinal);
    }
}
