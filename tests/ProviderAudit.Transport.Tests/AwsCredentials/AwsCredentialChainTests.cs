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
    public async Task EnvironmentKeysResolveWithTheirSessionToken()
    {
        var credentials = await Resolve([.. EnvKeys, ("AWS_SESSION_TOKEN", "env-token")]);

        Assert.Equal("AKIAENV000000000001", credentials.AccessKeyId);
        Assert.Equal("env-token", credentials.SessionToken);
    }

    [Fact]
    public void EnvironmentKeysComeBeforeWebIdentityAndProfile()
    {
        CredentialsFile("[cc]\naws_access_key_id = AKIAPROFILE0000001\naws_secret_access_key = profile-secret\n");
        var token = _home.File("token", "web-identity-token");

        var plan = Chain([.. EnvKeys, ("AWS_PROFILE", "cc"), ("AWS_WEB_IDENTITY_TOKEN_FILE", token), ("AWS_ROLE_ARN", "arn:aws:iam::123456789012:role/ci")]).Describe();

        Assert.Equal(AwsCredentialSourceKind.EnvironmentKeys, plan.Source!.Kind);
    }

    [Fact]
    public void WebIdentityFromTheEnvironmentComesBeforeTheProfile()
    {
        // AWSSDK.Core 4.0.102 (DefaultAWSCredentialsIdentityResolver): environment keys, web identity, profile, container, IMDS.
        CredentialsFile("[cc]\naws_access_key_id = AKIAPROFILE0000001\naws_secret_access_key = profile-secret\n");
        var token = _home.File("token", "web-identity-token");

        var plan = Chain(("AWS_PROFILE", "cc"), ("AWS_WEB_IDENTITY_TOKEN_FILE", token), ("AWS_ROLE_ARN", "arn:aws:iam::123456789012:role/ci")).Describe();

        Assert.Equal(AwsCredentialSourceKind.WebIdentity, plan.Source!.Kind);
    }

    [Fact]
    public async Task NamedProfileResolvesFromTheCredentialsFileTheEnvironmentNames()
    {
        var file = _home.File("elsewhere/credentials", "[cc]\naws_access_key_id = AKIANAMED000000001\naws_secret_access_key = named-secret\naws_session_token = named-token\n");

        var chain = Chain(("AWS_PROFILE", "cc"), ("AWS_SHARED_CREDENTIALS_FILE", file));
        var credentials = await chain.ResolveAsync();

        Assert.Equal("AKIANAMED000000001", credentials.AccessKeyId);
        Assert.Equal("named-token", credentials.SessionToken);
        Assert.Equal(AwsCredentialSourceKind.NamedProfile, chain.Describe().Source!.Kind);
    }

    [Fact]
    public async Task ProfileFromTheConfigFileResolves()
    {
        _home.File("cfg/config", "[profile cc]\naws_access_key_id = AKIACONFIG00000001\naws_secret_access_key = config-secret\n");

        var credentials = await Resolve(("AWS_PROFILE", "cc"), ("AWS_CONFIG_FILE", Path.Combine(_home.Path, "cfg", "config")));

        Assert.Equal("AKIACONFIG00000001", credentials.AccessKeyId);
    }

    [Fact]
    public async Task CredentialProcessProfileResolvesWithItsExpiration()
    {
        var script = _home.Executable("bin/creds.sh",
            "#!/bin/sh\necho '{\"Version\":1,\"AccessKeyId\":\"AKIAPROCESS0000001\",\"SecretAccessKey\":\"process-secret\",\"SessionToken\":\"process-token\",\"Expiration\":\"2099-01-01T00:00:00Z\"}'\n");
        CredentialsFile($"[proc]\ncredential_process = {script}\n");

        var credentials = await Resolve(("AWS_PROFILE", "proc"));

        Assert.Equal("AKIAPROCESS0000001", credentials.AccessKeyId);
        Assert.InRange(credentials.Expiration!.Value, new DateTimeOffset(2098, 12, 31, 23, 0, 0, TimeSpan.Zero), new DateTimeOffset(2099, 1, 1, 0, 0, 0, TimeSpan.Zero));
    }

    [Fact]
    public async Task DefaultProfileIsUsedWhenNothingElseIsSet()
    {
        CredentialsFile("[default]\naws_access_key_id = AKIADEFAULT0000001\naws_secret_access_key = default-secret\n");

        var chain = Chain();
        var credentials = await chain.ResolveAsync();

        Assert.Equal("AKIADEFAULT0000001", credentials.AccessKeyId);
        Assert.Equal(AwsCredentialSourceKind.DefaultProfile, chain.Describe().Source!.Kind);
    }

    [Fact]
    public async Task MissingNamedProfileStopsTheChainNamingTheVariable()
    {
        CredentialsFile("[other]\naws_access_key_id = AKIAOTHER000000001\naws_secret_access_key = s\n");

        var error = await Assert.ThrowsAsync<AwsCredentialException>(() => Resolve(("AWS_PROFILE", "cc")));

        Assert.Equal("AWS_PROFILE", error.Setting);
        Assert.Equal(AwsCredentialProblem.Invalid, error.Problem);
        Assert.Contains("[cc]", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void RegionOnlyDefaultConfigIsNoCredentialsNotACrash()
    {
        ConfigFile("[default]\nregion = us-west-2\n");

        var plan = Chain().Describe();

        Assert.True(plan.IsEmpty);
        Assert.Contains("holds no credentials", plan.LookedAt, StringComparison.Ordinal);
    }

    [Fact]
    public void RegionOnlyDefaultConfigWithAWorkspaceIdIsANotReadyStatusNamingTheFix()
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
    public void RegionOnlyNamedProfileIsANamedProblem()
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
    public void CredentialsFileThatIsNotValidIniIsANamedProblem(string content)
    {
        CredentialsFile(content);

        var plan = Chain().Describe();

        var problem = Assert.Single(plan.Problems);
        Assert.Equal("AWS_SHARED_CREDENTIALS_FILE", problem.Variable);
        Assert.Contains("cannot be read", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AccessKeyWithoutSecretIsRejectedBeforeAnyRequest()
    {
        var error = await Assert.ThrowsAsync<AwsCredentialException>(() => Resolve(("AWS_ACCESS_KEY_ID", "AKIAHALF0000000001")));

        Assert.Equal("AWS_SECRET_ACCESS_KEY", error.Setting);
    }

    [Fact]
    public async Task NoSourceIsMissingWithWhatWasLookedAt()
    {
        var error = await Assert.ThrowsAsync<AwsCredentialException>(() => Resolve());

        Assert.Equal(AwsCredentialProblem.Missing, error.Problem);
        Assert.Contains("AWS_PROFILE", error.Message, StringComparison.Ordinal);
        Assert.Contains("AWS_EC2_METADATA_DISABLED", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void WebIdentityTokenFileWithoutRoleArnNamesTheRoleArn()
    {
        var token = _home.File("token", "web-identity-token");

        var problem = Assert.Single(Chain(("AWS_WEB_IDENTITY_TOKEN_FILE", token)).Describe().Problems);

        Assert.Equal("AWS_ROLE_ARN", problem.Variable);
        Assert.Contains("arn:aws:iam::", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void WebIdentityTokenFileThatDoesNotExistIsNamed()
    {
        var problem = Assert.Single(Chain(("AWS_WEB_IDENTITY_TOKEN_FILE", "/nonexistent/token"), ("AWS_ROLE_ARN", "arn:aws:iam::123456789012:role/ci")).Describe().Problems);

        Assert.Equal("AWS_WEB_IDENTITY_TOKEN_FILE", problem.Variable);
    }

    [Fact]
    public void ContainerSettingsTheProcessDoesNotHaveAreNamedNotUsed()
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
    public void ControlCharactersInAValueTheChainUsesAreANamedProblem(string name, string value)
    {
        var problem = Assert.Single(Chain((name, value)).Describe().Problems);

        Assert.Equal(name, problem.Variable);
        Assert.DoesNotContain(problem.Message, char.IsControl);
    }

    [Fact]
    public void FirstPartyCredentialsAreNeverAnAwsCredential()
    {
        Assert.True(Chain(TestEnvironment.FirstPartyCredentials).Describe().IsEmpty);
    }

    [Fact]
    public async Task ExpiredProcessCredentialsAreReportedAsExpired()
    {
        var script = _home.Executable("bin/old.sh",
            "#!/bin/sh\necho '{\"Version\":1,\"AccessKeyId\":\"AKIAOLD00000000001\",\"SecretAccessKey\":\"old-secret\",\"SessionToken\":\"t\",\"Expiration\":\"2001-01-01T00:00:00Z\"}'\n");
        CredentialsFile($"[old]\ncredential_process = {script}\n");

        var error = await Assert.ThrowsAsync<AwsCredentialException>(() => Resolve(("AWS_PROFILE", "old")));

        Assert.Equal(AwsCredentialProblem.Expired, error.Problem);
        Assert.True(error.RefreshMightHelp);
    }

    [Fact]
    public async Task CredentialsAreCachedUntilTheExpiryMargin()
    {
        var chain = Chain(EnvKeys);

        var first = await chain.ResolveAsync();
        var second = await chain.ResolveAsync();

        Assert.Same(first, second);
        Assert.Equal(1, chain.Resolutions);
    }
}
