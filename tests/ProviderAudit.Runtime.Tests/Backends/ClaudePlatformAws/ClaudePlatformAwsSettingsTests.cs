namespace ProviderAudit.Runtime.Tests;

public class ClaudePlatformAwsSettingsTests
{
    [Fact]
    public void Base_url_is_derived_from_the_region()
    {
        var settings = ClaudePlatformAwsSettings.Read(TestEnv.Inputs(TestEnv.CpaWithProfile()));
        Assert.Equal(new Uri("https://aws-external-anthropic.us-west-2.api.aws"), settings.BaseUri);
        Assert.False(settings.BaseUriOverridden);
        Assert.Equal("us-west-2", settings.Region);
        Assert.Equal("AWS_REGION", settings.RegionVariable);
        Assert.Equal(TestEnv.WorkspaceId, settings.WorkspaceId);
    }

    [Fact]
    public void Base_url_override_is_honoured()
    {
        var env = TestEnv.CpaWithProfile().With("ANTHROPIC_AWS_BASE_URL", "http://127.0.0.1:5055");
        var settings = ClaudePlatformAwsSettings.Read(TestEnv.Inputs(env));
        Assert.Equal(new Uri("http://127.0.0.1:5055"), settings.BaseUri);
        Assert.True(settings.BaseUriOverridden);
    }

    [Fact]
    public void Profile_path_uses_SigV4_and_records_the_profile()
    {
        var settings = ClaudePlatformAwsSettings.Read(TestEnv.Inputs(TestEnv.CpaWithProfile(), new HostSettings(awsAuthRefresh: "aws sso login --profile cc")));
        Assert.Equal(ClaudePlatformAwsAuthMode.SigV4, settings.AuthMode);
        Assert.Equal("cc", settings.AwsProfile);
        Assert.Equal(AwsCredentialSourceKind.NamedProfile, settings.AwsCredentialSource!.Kind);
        Assert.Equal("aws sso login --profile cc", settings.AwsAuthRefresh);
        Assert.Null(settings.ApiKey);
    }

    [Fact]
    public void API_key_path_uses_the_key_and_is_separate_from_SigV4()
    {
        var env = TestEnv.CpaWithProfile().Without("AWS_PROFILE").With("ANTHROPIC_AWS_API_KEY", TestEnv.CpaKey);
        var settings = ClaudePlatformAwsSettings.Read(TestEnv.Inputs(env));
        Assert.Equal(ClaudePlatformAwsAuthMode.ApiKey, settings.AuthMode);
        Assert.Equal(TestEnv.CpaKey, settings.ApiKey!.Reveal());
        Assert.Null(settings.AwsCredentialSource);
    }

    [Fact]
    public void API_key_takes_precedence_over_the_default_AWS_chain_with_a_warning()
    {
        var env = TestEnv.CpaWithProfile().With("ANTHROPIC_AWS_API_KEY", TestEnv.CpaKey);
        Assert.Equal(ClaudePlatformAwsAuthMode.ApiKey, ClaudePlatformAwsSettings.Read(TestEnv.Inputs(env)).AuthMode);
        var validation = RuntimeBackends.ClaudePlatformAws.Validate(TestEnv.Inputs(env));
        Assert.Contains(validation.Warnings, w => w.Contains("unset ANTHROPIC_AWS_API_KEY to sign with SigV4", StringComparison.Ordinal));
    }

    [Fact]
    public void First_party_credentials_are_never_a_CPA_credential_path()
    {
        var env = TestEnv.CpaWithProfile().Without("AWS_PROFILE").With("AWS_EC2_METADATA_DISABLED", "true")
            .With("ANTHROPIC_API_KEY", TestEnv.FirstPartyKey).With("ANTHROPIC_AUTH_TOKEN", "token-value-123456").With("CLAUDE_CODE_OAUTH_TOKEN", "oauth-value-123456");
        Assert.False(ClaudePlatformAwsSettings.TryRead(TestEnv.Inputs(env), out _, out var problems));
        Assert.Equal("ANTHROPIC_AWS_API_KEY", Assert.Single(problems).Variable);
    }

    [Fact]
    public void Read_throws_with_every_problem_listed()
    {
        var ex = Assert.Throws<ClaudePlatformAwsConfigurationException>(() => ClaudePlatformAwsSettings.Read(TestEnv.Inputs(TestEnv.Of())));
        Assert.Contains(ex.Problems, p => p.Variable == "ANTHROPIC_AWS_WORKSPACE_ID");
        Assert.Contains(ex.Problems, p => p.Variable == "AWS_REGION");
    }

    [Fact]
    public void AWS_credential_export_command_counts_as_a_credential_source()
    {
        var env = TestEnv.CpaWithProfile().Without("AWS_PROFILE");
        var settings = ClaudePlatformAwsSettings.Read(TestEnv.Inputs(env, new HostSettings(awsCredentialExport: "export-creds")));
        Assert.Equal(AwsCredentialSourceKind.CredentialExportCommand, settings.AwsCredentialSource!.Kind);
    }
}
