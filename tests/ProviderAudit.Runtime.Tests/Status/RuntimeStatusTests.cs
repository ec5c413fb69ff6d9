namespace ProviderAudit.Runtime.Tests;

public class RuntimeStatusTests
{
    [Fact]
    public void Valid_CPA_inputs_are_not_ready_until_the_request_transport_resolves_a_credential()
    {
        // The profile's files do not exist for this environment (no HOME), so no credential resolves.
        var status = TestEnv.Status(TestEnv.CpaWithProfile());
        Assert.Same(RuntimeBackends.ClaudePlatformAws, status.Backend);
        Assert.False(status.Ready);
        Assert.Contains("profile cc (AWS_PROFILE)", status.Message, StringComparison.Ordinal);
        Assert.Empty(status.Problems);
    }

    [Fact]
    public void CPA_becomes_ready_when_the_request_transport_check_passes()
    {
        var status = TestEnv.Status(TestEnv.CpaWithProfile(), check: new TestEnv.AlwaysAvailable());
        Assert.True(status.Ready);
        Assert.Equal(new Uri("https://aws-external-anthropic.us-west-2.api.aws"), status.BaseUri);
    }

    [Fact]
    public void Missing_region_produces_a_non_ready_status_with_a_clear_message()
    {
        var status = TestEnv.Status(TestEnv.CpaWithProfile().Without("AWS_REGION"), check: new TestEnv.AlwaysAvailable());
        Assert.False(status.Ready);
        Assert.Contains("AWS_REGION", status.Message, StringComparison.Ordinal);
        Assert.Contains("AWS_DEFAULT_REGION", status.Message, StringComparison.Ordinal);
        Assert.Contains("Claude Platform on AWS", status.Message, StringComparison.Ordinal);
        Assert.Equal("AWS_REGION", Assert.Single(status.Problems).Variable);
    }

    [Fact]
    public void AWS_DEFAULT_REGION_is_used_when_AWS_REGION_is_unset()
    {
        var env = TestEnv.CpaWithProfile().Without("AWS_REGION").With("AWS_DEFAULT_REGION", "eu-west-1");
        var status = TestEnv.Status(env, check: new TestEnv.AlwaysAvailable());
        Assert.True(status.Ready);
        Assert.Equal("aws-external-anthropic.eu-west-1.api.aws", status.BaseUri!.Host);
    }

    [Fact]
    public void Missing_workspace_id_is_not_ready_and_names_the_variable()
    {
        var env = TestEnv.CpaWithProfile().Without("ANTHROPIC_AWS_WORKSPACE_ID");
        var status = TestEnv.Status(env, check: new TestEnv.AlwaysAvailable());
        Assert.False(status.Ready);
        Assert.Equal("ANTHROPIC_AWS_WORKSPACE_ID", Assert.Single(status.Problems).Variable);
        Assert.Contains("set ANTHROPIC_AWS_WORKSPACE_ID", status.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("us-east-1.evil.com")]
    [InlineData("US_EAST_1")]
    [InlineData("us-east-1/")]
    [InlineData("us east 1")]
    [InlineData("us-west-2\r\nHost: evil")]
    public void Region_that_is_not_a_region_token_is_not_ready(string region)
    {
        var status = TestEnv.Status(TestEnv.CpaWithProfile().With("AWS_REGION", region), check: new TestEnv.AlwaysAvailable());
        Assert.False(status.Ready);
        var problem = Assert.Single(status.Problems);
        Assert.Equal("AWS_REGION", problem.Variable);
        Assert.Contains("lowercase letters, digits and hyphens", problem.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("\n", problem.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("wrkspc_01\r\nx-api-key: injected")]
    [InlineData("wrkspc 01")]
    [InlineData("wrkspc_01\u0007")]
    public void Workspace_id_with_whitespace_or_control_characters_is_not_ready(string workspaceId)
    {
        var status = TestEnv.Status(TestEnv.CpaWithProfile().With("ANTHROPIC_AWS_WORKSPACE_ID", workspaceId), check: new TestEnv.AlwaysAvailable());
        Assert.False(status.Ready);
        var problem = Assert.Single(status.Problems);
        Assert.Equal("ANTHROPIC_AWS_WORKSPACE_ID", problem.Variable);
        Assert.Contains("whitespace or control characters", problem.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("\r", problem.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("http://gateway.example.com")]
    [InlineData("ftp://gateway.example.com")]
    [InlineData("gateway.example.com")]
    [InlineData("/relative/path")]
    [InlineData("https://user:hunter2pw@gateway.example.com")]
    public void Base_url_override_that_is_not_absolute_https_is_not_ready(string baseUrl)
    {
        var status = TestEnv.Status(TestEnv.CpaWithProfile().With("ANTHROPIC_AWS_BASE_URL", baseUrl), check: new TestEnv.AlwaysAvailable());
        Assert.False(status.Ready);
        Assert.Equal("ANTHROPIC_AWS_BASE_URL", Assert.Single(status.Problems).Variable);
        Assert.DoesNotContain("hunter2pw", status.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("http://127.0.0.1:8080")]
    [InlineData("http://localhost:9000/")]
    [InlineData("http://[::1]:9000")]
    [InlineData("https://gateway.example.com/cpa")]
    public void Base_url_override_accepts_https_and_loopback_http(string baseUrl)
    {
        var status = TestEnv.Status(TestEnv.CpaWithProfile().With("ANTHROPIC_AWS_BASE_URL", baseUrl), check: new TestEnv.AlwaysAvailable());
        Assert.True(status.Ready, status.Message);
        Assert.Equal(new Uri(baseUrl), status.BaseUri);
    }

    [Fact]
    public void CPA_without_any_credential_path_is_not_ready()
    {
        // Instance metadata is the AWS chain's last source; with it off, nothing is left.
        var env = TestEnv.CpaWithProfile().Without("AWS_PROFILE").With("AWS_EC2_METADATA_DISABLED", "true");
        var status = TestEnv.Status(env, check: new TestEnv.AlwaysAvailable());
        Assert.False(status.Ready);
        var problem = Assert.Single(status.Problems);
        Assert.Equal("ANTHROPIC_AWS_API_KEY", problem.Variable);
        Assert.Contains("AWS_PROFILE", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void CPA_API_key_alone_is_a_credential_path()
    {
        var env = TestEnv.CpaWithProfile().Without("AWS_PROFILE").With("ANTHROPIC_AWS_API_KEY", TestEnv.CpaKey);
        var status = TestEnv.Status(env, check: new TestEnv.AlwaysAvailable());
        Assert.True(status.Ready, status.Message);
        Assert.Contains(status.Details, d => d.Key == "auth" && d.Value.StartsWith("CPA API key", StringComparison.Ordinal));
    }

    [Fact]
    public void Skip_auth_needs_no_credentials()
    {
        var env = TestEnv.CpaWithProfile().Without("AWS_PROFILE").With("CLAUDE_CODE_SKIP_ANTHROPIC_AWS_AUTH", "1");
        Assert.True(TestEnv.Status(env, check: new TestEnv.AlwaysAvailable()).Ready);
    }

    [Fact]
    public void The_default_profile_of_the_shared_credentials_file_is_the_credential_source()
    {
        var home = Directory.CreateTempSubdirectory("pa-rt-home-");
        try
        {
            Directory.CreateDirectory(Path.Combine(home.FullName, ".aws"));
            File.WriteAllText(Path.Combine(home.FullName, ".aws", "credentials"), "[default]\naws_access_key_id = AKIDEXAMPLE\naws_secret_access_key = default-secret-value\n");
            var env = TestEnv.CpaWithProfile().Without("AWS_PROFILE").Without("AWS_CONFIG_FILE").With("HOME", home.FullName).With("AWS_EC2_METADATA_DISABLED", "true");

            var status = TestEnv.Status(env);

            Assert.True(status.Ready, status.Message);
            Assert.Contains(status.Details, d => d.Key == "auth" && d.Value.Contains("profile default", StringComparison.Ordinal));
        }
        finally
        {
            home.Delete(recursive: true);
        }
    }

    [Fact]
    public void Access_key_without_secret_is_not_ready()
    {
        var env = TestEnv.CpaWithProfile().Without("AWS_PROFILE").With("AWS_ACCESS_KEY_ID", "AKIDEXAMPLE");
        var status = TestEnv.Status(env, check: new TestEnv.AlwaysAvailable());
        Assert.False(status.Ready);
        Assert.Contains(status.Problems, p => p.Variable == "AWS_SECRET_ACCESS_KEY");
    }

    [Fact]
    public void Every_problem_is_listed_when_several_inputs_are_wrong()
    {
        var env = TestEnv.Of(("CLAUDE_CODE_USE_ANTHROPIC_AWS", "1"), ("ANTHROPIC_AWS_BASE_URL", "http://evil.example.com"), ("AWS_EC2_METADATA_DISABLED", "true"));
        var status = TestEnv.Status(env, check: new TestEnv.AlwaysAvailable());
        Assert.Equal(
            ["ANTHROPIC_AWS_WORKSPACE_ID", "AWS_REGION", "ANTHROPIC_AWS_BASE_URL", "ANTHROPIC_AWS_API_KEY"],
            status.Problems.Select(p => p.Variable));
        Assert.Contains("3 more problems", status.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Runtime_status_does_not_offer_Connect_Anthropic_for_Claude_Platform_on_AWS()
    {
        var settings = new HostSettings(awsAuthRefresh: "aws sso login --profile cc");
        var envs = new[]
        {
            TestEnv.CpaWithProfile(),
            TestEnv.CpaWithProfile().Without("AWS_REGION"),
            TestEnv.CpaWithProfile().Without("AWS_PROFILE"),
            TestEnv.Of(("ANTHROPIC_AWS_WORKSPACE_ID", TestEnv.WorkspaceId)),
        };
        foreach (var env in envs)
        {
            foreach (var s in new[] { HostSettings.Empty, settings })
            {
                var status = TestEnv.Status(env, s);
                Assert.Same(RuntimeBackends.ClaudePlatformAws, status.Backend);
                Assert.DoesNotContain(TestEnv.AllText(status), t => t.Contains("Connect Anthropic", StringComparison.OrdinalIgnoreCase));
            }
        }
    }

    [Fact]
    public void First_party_without_credentials_offers_Connect_Anthropic()
    {
        var status = TestEnv.Status(TestEnv.Of());
        Assert.Same(RuntimeBackends.FirstParty, status.Backend);
        Assert.False(status.Ready);
        Assert.Contains(RuntimeStatus.ConnectAnthropicAction, status.Actions);
    }

    [Fact]
    public void First_party_with_an_API_key_is_ready()
    {
        var status = TestEnv.Status(TestEnv.Of(("ANTHROPIC_API_KEY", TestEnv.FirstPartyKey)));
        Assert.True(status.Ready, status.Message);
        Assert.Empty(status.Actions);
    }

    [Fact]
    public void CPA_offers_the_awsAuthRefresh_command_when_one_is_configured()
    {
        var settings = new HostSettings(awsAuthRefresh: "aws sso login --profile cc");
        var status = TestEnv.Status(TestEnv.CpaWithProfile(), settings);
        Assert.Contains("Run `aws sso login --profile cc`", status.Actions);
    }

    [Fact]
    public void CPA_offers_no_refresh_action_without_awsAuthRefresh()
    {
        Assert.Empty(TestEnv.Status(TestEnv.CpaWithProfile()).Actions);
    }

    [Fact]
    public void CPA_offers_the_refresh_command_when_credentials_are_missing()
    {
        var settings = new HostSettings(awsAuthRefresh: "aws sso login --profile cc");
        var status = TestEnv.Status(TestEnv.CpaWithProfile().Without("AWS_PROFILE"), settings);
        Assert.Contains("Run `aws sso login --profile cc`", status.Actions);
    }

    [Fact]
    public void Bedrock_status_is_unaffected_by_CPA_variables()
    {
        var env = TestEnv.Of(("CLAUDE_CODE_USE_BEDROCK", "1"), ("ANTHROPIC_AWS_WORKSPACE_ID", TestEnv.WorkspaceId), ("AWS_REGION", "us-east-1"),
            ("AWS_ACCESS_KEY_ID", "AKIDEXAMPLE"), ("AWS_SECRET_ACCESS_KEY", TestEnv.AwsSecret));
        var status = TestEnv.Status(env);
        Assert.Same(RuntimeBackends.Bedrock, status.Backend);
        Assert.True(status.Ready, status.Message);
        Assert.Equal("bedrock-runtime.us-east-1.amazonaws.com", status.BaseUri!.Host);
        Assert.Contains(status.Warnings, w => w.Contains("using Amazon Bedrock", StringComparison.Ordinal));
    }

    [Fact]
    public void Non_Anthropic_target_status_has_no_backend_and_is_ready()
    {
        var status = TestEnv.Status(TestEnv.CpaWithProfile(), target: LaunchTarget.Codex);
        Assert.Null(status.Backend);
        Assert.True(status.Ready);
    }

    [Fact]
    public void First_party_credentials_present_in_a_CPA_environment_are_reported_as_unused()
    {
        var env = TestEnv.CpaWithProfile().With("ANTHROPIC_API_KEY", TestEnv.FirstPartyKey);
        var status = TestEnv.Status(env);
        Assert.Contains(status.Warnings, w => w.Contains("ANTHROPIC_API_KEY is set but not used", StringComparison.Ordinal));
    }

    [Fact]
    public void Model_pin_in_Bedrock_format_warns_for_Claude_Platform_on_AWS()
    {
        var env = TestEnv.CpaWithProfile().With("ANTHROPIC_DEFAULT_OPUS_MODEL", "us.anthropic.claude-opus-4-5-20251101-v1:0");
        var status = TestEnv.Status(env);
        Assert.Contains(status.Warnings, w => w.StartsWith("ANTHROPIC_DEFAULT_OPUS_MODEL=", StringComparison.Ordinal) && w.Contains("claude-opus-4-5-20251101", StringComparison.Ordinal));
    }

    [Fact]
    public void Settings_that_override_the_process_environment_are_named_in_a_warning()
    {
        var settings = new HostSettings(env: TestEnv.Of(("AWS_REGION", "eu-west-1")), sourcePath: "/tmp/settings.json");
        var status = TestEnv.Status(TestEnv.CpaWithProfile(), settings);
        Assert.Contains(status.Warnings, w => w.Contains("/tmp/settings.json", StringComparison.Ordinal) && w.Contains("AWS_REGION", StringComparison.Ordinal));
        Assert.Contains(status.Details, d => d.Key == "region" && d.Value.StartsWith("eu-west-1", StringComparison.Ordinal));
    }

    [Fact]
    public void CPA_API_key_path_offers_no_refresh_action()
    {
        var settings = new HostSettings(awsAuthRefresh: "aws sso login --profile cc");
        var env = TestEnv.CpaWithProfile().Without("AWS_PROFILE").With("ANTHROPIC_AWS_API_KEY", TestEnv.CpaKey);
        Assert.Empty(TestEnv.Status(env, settings).Actions);
    }

    [Fact]
    public void Bedrock_offers_the_awsAuthRefresh_command_too()
    {
        var settings = new HostSettings(awsAuthRefresh: "aws sso login --profile cc");
        var env = TestEnv.Of(("CLAUDE_CODE_USE_BEDROCK", "1"), ("AWS_REGION", "us-east-1"), ("AWS_PROFILE", "cc"));
        Assert.Equal(["Run `aws sso login --profile cc`"], TestEnv.Status(env, settings).Actions);
    }
}
