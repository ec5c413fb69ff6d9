using ProviderAudit.Transport.Tests.Support;

namespace ProviderAudit.Transport.Tests.AwsCredentials;

/// <summary>
/// The one AWS credential chain: which source it picks (in AWSSDK.Core 4.0's order), what it resolves from files the
/// environment dictionary names, and the named problem for every half-configured source. No network: sources that
/// call a service are covered by <see cref="StsSourcesTests"/> and <see cref="ProcessEnvironmentSourcesTests"/>.
/// </summary>
public sealed class AwsCredentialChainTests : IDisposable
{
    private static readonly (string, string)[] EnvKeys = [("AWS_ACCESS_KEY_ID", "AKIAENV000000000001"), ("AWS_SECRET_ACCESS_KEY", "env-secret")];
    private readonly TemporaryDirectory _home = new("tx");

    public void Dispose() => _home.Dispose();

    private AwsCredentialChain Chain(params (string, string)[] env) => new(TestEnvironment.Isolated(_home.Path, env), HostSettings.Empty);

    private Task<AwsSessionCredentials> Resolve(params (string, string)[] env) => Chain(env).ResolveAsync();

    private string CredentialsFile(string content) => _home.File(".aws/credentials", content);

    private string ConfigFile(string content) => _home.File(".aws/config", content);

    [Fact]
    public async Task Environment_keys_resolve_with_their_session_token()
    {
        var credentials = await Resolve([.. EnvKeys, ("AWS_SESSION_TOKEN", "env-token")]);

        Assert.Equal("AKIAENV000000000001", credentials.AccessKeyId);
        Assert.Equal("env-token", credentials.SessionToken);
    }

    [Fact]
    public void Environment_keys_come_before_web_identity_and_profile()
    {
        CredentialsFile("[cc]\naws_access_key_id = AKIAPROFILE0000001\naws_secret_access_key = profile-secret\n");
        var token = _home.File("token", "web-identity-token");

        var plan = Chain([.. EnvKeys, ("AWS_PROFILE", "cc"), ("AWS_WEB_IDENTITY_TOKEN_FILE", token), ("AWS_ROLE_ARN", "arn:aws:iam::123456789012:role/ci")]).Describe();

        Assert.Equal(AwsCredentialSourceKind.EnvironmentKeys, plan.Source!.Kind);
    }

    [Fact]
    public void Web_identity_from_the_environment_comes_before_the_profile()
    {
        // AWSSDK.Core 4.0.102 (DefaultAWSCredentialsIdentityResolver): environment keys, web identity, profile, container, IMDS.
        CredentialsFile("[cc]\naws_access_key_id = AKIAPROFILE0000001\naws_secret_access_key = profile-secret\n");
        var token = _home.File("token", "web-identity-token");

        var plan = Chain(("AWS_PROFILE", "cc"), ("AWS_WEB_IDENTITY_TOKEN_FILE", token), ("AWS_ROLE_ARN", "arn:aws:iam::123456789012:role/ci")).Describe();

        Assert.Equal(AwsCredentialSourceKind.WebIdentity, plan.Source!.Kind);
    }

    [Fact]
    public async Task Named_profile_resolves_from_the_credentials_file_the_environment_names()
    {
        var file = _home.File("elsewhere/credentials", "[cc]\naws_access_key_id = AKIANAMED000000001\naws_secret_access_key = named-secret\naws_session_token = named-token\n");

        var chain = Chain(("AWS_PROFILE", "cc"), ("AWS_SHARED_CREDENTIALS_FILE", file));
        var credentials = await chain.ResolveAsync();

        Assert.Equal("AKIANAMED000000001", credentials.AccessKeyId);
        Assert.Equal("named-token", credentials.SessionToken);
        Assert.Equal(AwsCredentialSourceKind.NamedProfile, chain.Describe().Source!.Kind);
    }

    [Fact]
    public async Task Profile_from_the_config_file_resolves()
    {
        _home.File("cfg/config", "[profile cc]\naws_access_key_id = AKIACONFIG00000001\naws_secret_access_key = config-secret\n");

        var credentials = await Resolve(("AWS_PROFILE", "cc"), ("AWS_CONFIG_FILE", Path.Combine(_home.Path, "cfg", "config")));

        Assert.Equal("AKIACONFIG00000001", credentials.AccessKeyId);
    }

    [Fact]
    public async Task Credential_process_profile_resolves_with_its_expiration()
    {
        var script = _home.Executable("bin/creds.sh",
            "#!/bin/sh\necho '{\"Version\":1,\"AccessKeyId\":\"AKIAPROCESS0000001\",\"SecretAccessKey\":\"process-secret\",\"SessionToken\":\"process-token\",\"Expiration\":\"2099-01-01T00:00:00Z\"}'\n");
        CredentialsFile($"[proc]\ncredential_process = {script}\n");

        var credentials = await Resolve(("AWS_PROFILE", "proc"));

        Assert.Equal("AKIAPROCESS0000001", credentials.AccessKeyId);
        Assert.InRange(credentials.Expiration!.Value, new DateTimeOffset(2098, 12, 31, 23, 0, 0, TimeSpan.Zero), new DateTimeOffset(2099, 1, 1, 0, 0, 0, TimeSpan.Zero));
    }

    [Fact]
    public async Task Default_profile_is_used_when_nothing_else_is_set()
    {
        CredentialsFile("[default]\naws_access_key_id = AKIADEFAULT0000001\naws_secret_access_key = default-secret\n");

        var chain = Chain();
        var credentials = await chain.ResolveAsync();

        Assert.Equal("AKIADEFAULT0000001", credentials.AccessKeyId);
        Assert.Equal(AwsCredentialSourceKind.DefaultProfile, chain.Describe().Source!.Kind);
    }

    [Fact]
    public async Task Missing_named_profile_stops_the_chain_naming_the_variable()
    {
        CredentialsFile("[other]\naws_access_key_id = AKIAOTHER000000001\naws_secret_access_key = s\n");

        var error = await Assert.ThrowsAsync<AwsCredentialException>(() => Resolve(("AWS_PROFILE", "cc")));

        Assert.Equal("AWS_PROFILE", error.Setting);
        Assert.Equal(AwsCredentialProblem.Invalid, error.Problem);
        Assert.Contains("[cc]", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Region_only_default_config_is_no_credentials_not_a_crash()
    {
        ConfigFile("[default]\nregion = us-west-2\n");

        var plan = Chain().Describe();

        Assert.True(plan.IsEmpty);
        Assert.Contains("holds no credentials", plan.LookedAt, StringComparison.Ordinal);
    }

    [Fact]
    public void Region_only_default_config_with_a_workspace_id_is_a_not_ready_status_naming_the_fix()
    {
        ConfigFile("[default]\nregion = us-west-2\n");
        var env = TestEnvironment.Isolated(_home.Path, ("ANTHROPIC_AWS_WORKSPACE_ID", "wrkspc_01Test"), ("AWS_REGION", "us-west-2"));

        var status = RuntimeStatusEvaluator.Evaluate(env, HostSettings.Empty, LaunchTarget.ClaudeCode);

        Assert.False(status.Ready);
        Assert.Equal("ANTHROPIC_AWS_API_KEY", Assert.Single(status.Problems).Variable);
        Assert.Contains("No credentials for Claude Platform on AWS", status.Message, StringComparison.Ordinal);
        Assert.Contains("holds no credentials", status.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Region_only_named_profile_is_a_named_problem()
    {
        ConfigFile("[profile cc]\nregion = us-west-2\n");

        var problem = Assert.Single(Chain(("AWS_PROFILE", "cc")).Describe().Problems);

        Assert.Equal("AWS_PROFILE", problem.Variable);
        Assert.Contains("holds no credentials", problem.Message, StringComparison.Ordinal);
        Assert.Contains("aws configure", problem.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("this is not an ini file\n[unterminated\n")]
    [InlineData("[default\naws_access_key_id = AKIA\n")]
    public void Credentials_file_that_is_not_valid_INI_is_a_named_problem(string content)
    {
        CredentialsFile(content);

        var plan = Chain().Describe();

        var problem = Assert.Single(plan.Problems);
        Assert.Equal("AWS_SHARED_CREDENTIALS_FILE", problem.Variable);
        Assert.Contains("cannot be read", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Access_key_without_secret_is_rejected_before_any_request()
    {
        var error = await Assert.ThrowsAsync<AwsCredentialException>(() => Resolve(("AWS_ACCESS_KEY_ID", "AKIAHALF0000000001")));

        Assert.Equal("AWS_SECRET_ACCESS_KEY", error.Setting);
    }

    [Fact]
    public async Task No_source_is_missing_with_what_was_looked_at()
    {
        var error = await Assert.ThrowsAsync<AwsCredentialException>(() => Resolve());

        Assert.Equal(AwsCredentialProblem.Missing, error.Problem);
        Assert.Contains("AWS_PROFILE", error.Message, StringComparison.Ordinal);
        Assert.Contains("AWS_EC2_METADATA_DISABLED", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Web_identity_token_file_without_role_arn_names_the_role_arn()
    {
        var token = _home.File("token", "web-identity-token");

        var problem = Assert.Single(Chain(("AWS_WEB_IDENTITY_TOKEN_FILE", token)).Describe().Problems);

        Assert.Equal("AWS_ROLE_ARN", problem.Variable);
        Assert.Contains("arn:aws:iam::", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Web_identity_token_file_that_does_not_exist_is_named()
    {
        var problem = Assert.Single(Chain(("AWS_WEB_IDENTITY_TOKEN_FILE", "/nonexistent/token"), ("AWS_ROLE_ARN", "arn:aws:iam::123456789012:role/ci")).Describe().Problems);

        Assert.Equal("AWS_WEB_IDENTITY_TOKEN_FILE", problem.Variable);
    }

    [Fact]
    public void Container_settings_the_process_does_not_have_are_named_not_used()
    {
        // AWSSDK.Core reads container settings from the process environment only: the runtime refuses rather than
        // resolve from settings other than the ones it was given (the child-process tests cover the working case).
        var problem = Assert.Single(Chain(("AWS_CONTAINER_CREDENTIALS_FULL_URI", "http://127.0.0.1:1/creds")).Describe().Problems);

        Assert.Equal("AWS_CONTAINER_CREDENTIALS_FULL_URI", problem.Variable);
        Assert.Contains("this process's environment", problem.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("AWS_PROFILE", "cc\r\nready: yes")]
    [InlineData("AWS_SHARED_CREDENTIALS_FILE", "/tmp/cre\nds")]
    [InlineData("AWS_ROLE_ARN", "arn:aws:iam::123456789012:role/x\u0007")]
    public void Control_characters_in_a_value_the_chain_uses_are_a_named_problem(string name, string value)
    {
        var problem = Assert.Single(Chain((name, value)).Describe().Problems);

        Assert.Equal(name, problem.Variable);
        Assert.DoesNotContain(problem.Message, char.IsControl);
    }

    [Fact]
    public void FirstParty_credentials_are_never_an_AWS_credential()
    {
        Assert.True(Chain(TestEnvironment.FirstPartyCredentials).Describe().IsEmpty);
    }

    [Fact]
    public async Task Expired_process_credentials_are_reported_as_expired()
    {
        var script = _home.Executable("bin/old.sh",
            "#!/bin/sh\necho '{\"Version\":1,\"AccessKeyId\":\"AKIAOLD00000000001\",\"SecretAccessKey\":\"old-secret\",\"SessionToken\":\"t\",\"Expiration\":\"2001-01-01T00:00:00Z\"}'\n");
        CredentialsFile($"[old]\ncredential_process = {script}\n");

        var error = await Assert.ThrowsAsync<AwsCredentialException>(() => Resolve(("AWS_PROFILE", "old")));

        Assert.Equal(AwsCredentialProblem.Expired, error.Problem);
        Assert.True(error.RefreshMightHelp);
    }

    [Fact]
    public async Task Credentials_are_cached_until_the_expiry_margin()
    {
        var chain = Chain(EnvKeys);

        var first = await chain.ResolveAsync();
        var second = await chain.ResolveAsync();

        Assert.Same(first, second);
        Assert.Equal(1, chain.Resolutions);
    }
}
