using ProviderAudit.Transport.Tests.Support;

namespace ProviderAudit.Transport.Tests.AwsCredentials;

/// <summary>
/// Profiles read as the AWS CLI reads them. Where AWSSDK, the AWS CLI and the JS SDK a launched Claude Code uses would
/// read a file differently, or the file is ambiguous, the chain refuses and names the line, so status and the child
/// never disagree; where they agree (keys next to extra settings), the keys are used.
/// </summary>
public sealed class ProfileAgreementTests : IDisposable
{
    private const string Key = "AKIAAGREE0000000001";
    private const string Secret = "agree-secret-0000000000000000000000000000";
    private readonly TemporaryDirectory _home = new("tx");

    public void Dispose() => _home.Dispose();

    private AwsCredentialChain Chain(params (string, string)[] env) =>
        new(TestEnvironment.Isolated(_home.Path, [("AWS_PROFILE", "cc"), .. env]), HostSettings.Empty);

    private void Credentials(string content) => _home.File(".aws/credentials", content);

    private void Config(string content) => _home.File(".aws/config", content);

    private async Task<AwsSessionCredentials> Resolved() => await Chain().ResolveAsync();

    private ConfigurationProblem Refused(params (string, string)[] env)
    {
        var plan = Chain(env).Describe();
        Assert.Null(plan.Provider);
        return Assert.Single(plan.Problems);
    }

    [Theory]
    [InlineData("mfa_serial = arn:aws:iam::123456789012:mfa/me")]
    [InlineData("role_session_name = me")]
    [InlineData("external_id = ext-123")]
    [InlineData("region = eu-central-1\noutput = json")]
    [InlineData("sso_account_id =")]
    public async Task Static_keys_next_to_extra_settings_are_used(string extra)
    {
        Credentials($"[cc]\naws_access_key_id = {Key}\naws_secret_access_key = {Secret}\n{extra}\n");

        var credentials = await Resolved();

        Assert.Equal((Key, Secret), (credentials.AccessKeyId, credentials.SecretAccessKey));
    }

    [Fact]
    public async Task Keys_in_the_credentials_file_win_over_a_credential_process_as_in_every_tool()
    {
        Credentials($"[cc]\naws_access_key_id = {Key}\naws_secret_access_key = {Secret}\n");
        Config("[profile cc]\ncredential_process = /bin/false\n");

        Assert.Equal(Key, (await Resolved()).AccessKeyId);
    }

    [Fact]
    public void Keys_in_the_config_file_next_to_a_credential_process_are_refused_naming_both_lines()
    {
        Config($"[profile cc]\naws_access_key_id = {Key}\naws_secret_access_key = {Secret}\ncredential_process = /bin/false\n");

        var problem = Refused();

        Assert.Equal("AWS_CONFIG_FILE", problem.Variable);
        Assert.Contains("line 2 of", problem.Message, StringComparison.Ordinal);
        Assert.Contains("line 4 of", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Keys_next_to_leftover_sso_settings_are_refused_as_Claude_Codes_SDK_refuses_them()
    {
        Config("[profile cc]\nsso_start_url = https://old.awsapps.com/start\nsso_region = us-east-1\n");
        Credentials($"[cc]\naws_access_key_id = {Key}\naws_secret_access_key = {Secret}\n");

        var problem = Refused();

        Assert.Contains("incomplete SSO settings (line 2 of", problem.Message, StringComparison.Ordinal);
        Assert.Contains("refuses", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_inline_comment_after_the_key_id_is_refused_naming_the_line()
    {
        Credentials($"[cc]\naws_access_key_id = {Key} # main\naws_secret_access_key = {Secret}\n");

        var problem = Refused();

        Assert.Equal("AWS_SHARED_CREDENTIALS_FILE", problem.Variable);
        Assert.Contains("line 2 of", problem.Message, StringComparison.Ordinal);
        Assert.Contains("comment after the value", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_section_written_twice_is_refused_naming_both_lines()
    {
        Credentials($"[default]\naws_access_key_id = {Key}\naws_secret_access_key = {Secret}\n[default]\naws_access_key_id = AKIAOTHER0000000002\naws_secret_access_key = other\n");

        var problem = Refused(("AWS_PROFILE", "default"));

        Assert.Contains("[default] is written 2 times", problem.Message, StringComparison.Ordinal);
        Assert.Contains("lines 1, 4", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_key_written_twice_is_refused_naming_both_lines_not_reported_as_a_missing_profile()
    {
        Credentials($"[cc]\naws_access_key_id = {Key}\naws_access_key_id = AKIAOTHER0000000002\naws_secret_access_key = {Secret}\n");

        var problem = Refused();

        Assert.Contains("aws_access_key_id is set twice in [cc]", problem.Message, StringComparison.Ordinal);
        Assert.Contains("lines 2 and 3", problem.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("no profile", problem.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("aws_access_key_id = \"AKIAAGREE0000000001\"", "in quotes")]
    [InlineData("AWS_ACCESS_KEY_ID = AKIAAGREE0000000001", "write it as aws_access_key_id")]
    [InlineData("  aws_access_key_id = AKIAAGREE0000000001", "is indented")]
    public void A_key_line_tools_read_differently_is_refused_naming_it(string keyLine, string expected)
    {
        Credentials($"[cc]\n{keyLine}\naws_secret_access_key = {Secret}\n");

        var problem = Refused();

        Assert.Contains("line 2 of", problem.Message, StringComparison.Ordinal);
        Assert.Contains(expected, problem.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Key, problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Keys_after_an_empty_key_are_refused_because_the_JS_SDK_files_them_as_sub_settings()
    {
        Config($"[profile cc]\ns3 =\naws_access_key_id = {Key}\naws_secret_access_key = {Secret}\n");

        var problem = Refused();

        Assert.Contains("follows line 2", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Default_and_profile_default_together_are_refused()
    {
        Config($"[default]\naws_access_key_id = {Key}\naws_secret_access_key = {Secret}\n[profile default]\nregion = us-west-2\n");

        Assert.Contains("both [default] (line 1) and [profile default] (line 4)", Refused(("AWS_PROFILE", "default")).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_profile_section_in_the_credentials_file_with_the_profile_prefix_is_named()
    {
        Credentials($"[profile cc]\naws_access_key_id = {Key}\naws_secret_access_key = {Secret}\n");

        var problem = Refused();

        Assert.Contains("has [profile cc] on line 1", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_key_id_and_secret_split_between_the_files_are_refused()
    {
        Credentials($"[cc]\naws_access_key_id = {Key}\n");
        Config($"[profile cc]\naws_secret_access_key = {Secret}\n");

        Assert.Contains("does not combine them", Refused().Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_session_token_in_the_other_file_than_the_keys_is_refused()
    {
        Credentials($"[cc]\naws_access_key_id = {Key}\naws_secret_access_key = {Secret}\n");
        Config("[profile cc]\naws_session_token = FwoGZXIvYXdzEExampleToken\n");

        Assert.Contains("aws_session_token in the other", Refused().Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("~/aws-files/config")]
    [InlineData("~")]
    public async Task A_tilde_in_AWS_CONFIG_FILE_means_HOME_as_in_the_AWS_CLI(string value)
    {
        var path = value == "~" ? Path.Combine(_home.Path, "config") : Path.Combine(_home.Path, "aws-files", "config");
        if (value == "~")
        {
            // "~" alone names the home directory itself, which is no file: a named problem, not a read of the working directory.
            var problem = Refused(("AWS_CONFIG_FILE", value));
            Assert.Contains("is a directory", problem.Message, StringComparison.Ordinal);
            return;
        }

        _home.File("aws-files/config", $"[profile cc]\naws_access_key_id = {Key}\naws_secret_access_key = {Secret}\n");

        var credentials = await Chain(("AWS_CONFIG_FILE", value)).ResolveAsync();

        Assert.Equal(Key, credentials.AccessKeyId);
        Assert.True(File.Exists(path));
    }

    [Fact]
    public void A_tilde_naming_another_users_home_is_refused_naming_the_variable()
    {
        Assert.Equal("AWS_CONFIG_FILE", Refused(("AWS_CONFIG_FILE", "~root/.aws/config")).Variable);
    }

    [Fact]
    public async Task A_padded_AWS_PROFILE_is_read_trimmed_and_launched_trimmed()
    {
        Credentials($"[dev]\naws_access_key_id = {Key}\naws_secret_access_key = {Secret}\n");
        var env = TestEnvironment.Isolated(_home.Path, ("AWS_PROFILE", " dev"), ("ANTHROPIC_AWS_WORKSPACE_ID", "wrkspc_01Test"), ("AWS_REGION", "us-west-2"));

        var credentials = await new AwsCredentialChain(env, HostSettings.Empty).ResolveAsync();
        var child = LaunchEnvironment.Build(env, HostSettings.Empty, LaunchTarget.ClaudeCode).Variables;

        Assert.Equal(Key, credentials.AccessKeyId);
        Assert.Equal("dev", child["AWS_PROFILE"]);
    }

    [Fact]
    public async Task A_problem_in_an_unrelated_section_of_the_same_file_does_not_stop_the_profile_in_use()
    {
        Credentials($"[other]\naws_access_key_id = AKIAOTHER0000000002 # old\n[cc]\naws_access_key_id = {Key}\naws_secret_access_key = {Secret}\n");

        Assert.Equal(Key, (await Resolved()).AccessKeyId);
    }
}
