namespace ProviderAudit.Runtime.Tests;

public class HostSettingsTests
{
    [Fact]
    public void Reads_awsAuthRefresh_awsCredentialExport_env_and_model_pins()
    {
        var settings = HostSettingsReader.Parse("""
            {
              "awsAuthRefresh": "aws sso login --profile cc",
              "awsCredentialExport": "/usr/local/bin/export-creds",
              "env": {
                "AWS_PROFILE": "cc",
                "CLAUDE_CODE_USE_ANTHROPIC_AWS": 1,
                "ANTHROPIC_DEFAULT_OPUS_MODEL": "claude-opus-4-5-20251101",
                "ANTHROPIC_DEFAULT_SONNET_MODEL": "claude-sonnet-4-6",
                "ANTHROPIC_DEFAULT_HAIKU_MODEL": "claude-haiku-4-5-20251001"
              },
              "permissions": { "allow": [] }
            }
            """, "settings.json");
        Assert.Equal("aws sso login --profile cc", settings.AwsAuthRefresh);
        Assert.Equal("/usr/local/bin/export-creds", settings.AwsCredentialExport);
        Assert.Equal("cc", settings.Env["AWS_PROFILE"]);
        Assert.Equal("1", settings.Env["CLAUDE_CODE_USE_ANTHROPIC_AWS"]);
        Assert.Equal(new ModelPins(Opus: "claude-opus-4-5-20251101", Sonnet: "claude-sonnet-4-6", Haiku: "claude-haiku-4-5-20251001"), settings.ModelPins);
    }

    [Fact]
    public void Positional_model_pins_keep_their_0_1_meaning_opus_sonnet_haiku()
    {
        var pins = new ModelPins("claude-opus-4-5", "claude-sonnet-4-6", "claude-haiku-4-5");

        Assert.Equal(new ModelPins(Opus: "claude-opus-4-5", Sonnet: "claude-sonnet-4-6", Haiku: "claude-haiku-4-5"), pins);
        Assert.Null(pins.Model);
        Assert.Null(pins.SmallFast);
    }

    [Fact]
    public void Empty_object_gives_empty_settings()
    {
        var settings = HostSettingsReader.Parse("{}", "settings.json");
        Assert.Null(settings.AwsAuthRefresh);
        Assert.Empty(settings.Env);
    }

    [Fact]
    public void Malformed_JSON_error_names_the_file_line_and_position()
    {
        var ex = Assert.Throws<HostSettingsException>(() => HostSettingsReader.Parse("{\n  \"awsAuthRefresh\": \"aws sso login\"\n  \"env\": {}\n}", "/home/u/.claude/settings.json"));
        Assert.Equal(3, ex.Line);
        Assert.Equal(3, ex.Position);
        Assert.Contains("/home/u/.claude/settings.json", ex.Message, StringComparison.Ordinal);
        Assert.Contains("line 3, position 3", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Truncated_JSON_is_an_error_not_empty_settings()
    {
        var ex = Assert.Throws<HostSettingsException>(() => HostSettingsReader.Parse("{ \"env\": { \"AWS_PROFILE\": \"cc\"", "s.json"));
        Assert.Equal("s.json", ex.Path);
        Assert.NotNull(ex.Line);
    }

    [Fact]
    public void Non_object_root_is_an_error()
    {
        var ex = Assert.Throws<HostSettingsException>(() => HostSettingsReader.Parse("[1, 2]", "s.json"));
        Assert.Contains("must contain a JSON object", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Wrongly_typed_awsAuthRefresh_is_an_error_naming_the_setting()
    {
        var ex = Assert.Throws<HostSettingsException>(() => HostSettingsReader.Parse("{ \"awsAuthRefresh\": [\"aws\", \"sso\"] }", "s.json"));
        Assert.Contains("\"awsAuthRefresh\" must be a string", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Env_value_that_is_an_object_is_an_error_naming_the_key()
    {
        var ex = Assert.Throws<HostSettingsException>(() => HostSettingsReader.Parse("{ \"env\": { \"AWS_REGION\": { \"x\": 1 } } }", "s.json"));
        Assert.Contains("env.AWS_REGION must be a string", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_file_is_an_error_naming_the_path()
    {
        var path = Path.Combine(Path.GetTempPath(), "provider-audit-missing-" + Guid.NewGuid().ToString("N"), "settings.json");
        var ex = Assert.Throws<HostSettingsException>(() => HostSettingsReader.Read(path));
        Assert.Contains(path, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_from_a_file_records_its_path()
    {
        var path = Path.Combine(Path.GetTempPath(), "provider-audit-settings-" + Guid.NewGuid().ToString("N") + ".json");
        File.WriteAllText(path, "{ \"awsAuthRefresh\": \"aws sso login --profile cc\" }");
        try
        {
            var settings = HostSettingsReader.Read(path);
            Assert.Equal(path, settings.SourcePath);
            Assert.Equal("aws sso login --profile cc", settings.AwsAuthRefresh);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Settings_env_wins_over_the_process_environment_for_Claude_Code()
    {
        var settings = new HostSettings(env: TestEnv.Of(("AWS_REGION", "eu-west-1")));
        var env = HostEnvironment.For(TestEnv.Of(("AWS_REGION", "us-west-2"), ("PATH", "/bin")), settings, LaunchTarget.ClaudeCode);
        Assert.Equal("eu-west-1", env["AWS_REGION"]);
        Assert.Equal("/bin", env["PATH"]);
    }

    [Fact]
    public void Settings_env_is_not_applied_for_non_Anthropic_targets()
    {
        var settings = new HostSettings(env: TestEnv.Of(("AWS_REGION", "eu-west-1")));
        var env = HostEnvironment.For(TestEnv.Of(("AWS_REGION", "us-west-2")), settings, LaunchTarget.Gemini);
        Assert.Equal("us-west-2", env["AWS_REGION"]);
    }
}

public class HostSettingsModelTests
{
    [Fact]
    public void Reads_the_settings_model_as_written()
    {
        Assert.Equal("claude-sonnet-4-6\n", HostSettingsReader.Parse("""{ "model": "claude-sonnet-4-6\n" }""", "settings.json").Model);
    }

    [Fact]
    public void A_settings_model_that_is_not_a_string_is_an_error_naming_it()
    {
        var ex = Assert.Throws<HostSettingsException>(() => HostSettingsReader.Parse("""{ "model": 4 }""", "settings.json"));
        Assert.Contains("\"model\"", ex.Message, StringComparison.Ordinal);
    }
}
