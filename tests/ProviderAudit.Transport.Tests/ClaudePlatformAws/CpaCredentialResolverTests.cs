using ProviderAudit.Runtime.Aws;
using ProviderAudit.Transport.Tests.Support;

namespace ProviderAudit.Transport.Tests.Transport;

/// <summary>Credential resolution from an environment dictionary, explicit options and profile files.</summary>
public sealed class CpaCredentialResolverTests : IDisposable
{
    private readonly TempDirectory _home = new();

    public void Dispose() => _home.Dispose();

    private Task<CpaResolvedAuth> Resolve(CpaCredentialOptions? options, params (string, string)[] env) =>
        new CpaCredentialResolver(TestEnvironment.Isolated(_home.Path, env), options).ResolveAsync();

    private Task<CpaResolvedAuth> Resolve(params (string, string)[] env) => Resolve(null, env);

    private string CredentialsFile(string content) => _home.File(".aws/credentials", content);

    private static readonly (string, string)[] EnvKeys = [("AWS_ACCESS_KEY_ID", "AKIAENV000000000001"), ("AWS_SECRET_ACCESS_KEY", "env-secret")];

    [Fact]
    public async Task EnvironmentKeysResolveToSigV4()
    {
        var auth = await Resolve([.. EnvKeys, ("AWS_SESSION_TOKEN", "env-token")]);

        Assert.Equal(CpaAuthKind.SigV4, auth.Kind);
        Assert.Equal("AKIAENV000000000001", auth.Aws!.AccessKeyId);
        Assert.Equal("env-token", auth.Aws.SessionToken);
    }

    [Fact]
    public async Task CpaApiKeyResolvesToApiKey()
    {
        var auth = await Resolve(("ANTHROPIC_AWS_API_KEY", "cpa-key-1234567890"));

        Assert.Equal(CpaAuthKind.ApiKey, auth.Kind);
        Assert.Equal("cpa-key-1234567890", auth.RevealApiKey());
    }

    [Fact]
    public async Task CpaApiKeyIsTakenBeforeTheDefaultAwsChain()
    {
        var auth = await Resolve([("ANTHROPIC_AWS_API_KEY", "cpa-key-1234567890"), .. EnvKeys, ("AWS_PROFILE", "cc")]);

        Assert.Equal(CpaAuthKind.ApiKey, auth.Kind);
    }

    [Fact]
    public async Task ExplicitAwsKeysAreTakenBeforeTheCpaApiKeyVariable()
    {
        var auth = await Resolve(new CpaCredentialOptions { AwsAccessKeyId = "AKIAOPTION00000001", AwsSecretAccessKey = "opt-secret" },
            ("ANTHROPIC_AWS_API_KEY", "cpa-key-1234567890"));

        Assert.Equal("AKIAOPTION00000001", auth.Aws!.AccessKeyId);
    }

    [Fact]
    public async Task ExplicitApiKeyIsTakenBeforeExplicitAwsKeys()
    {
        var auth = await Resolve(new CpaCredentialOptions { ApiKey = "cpa-option-key-123", AwsAccessKeyId = "AKIAOPTION00000001", AwsSecretAccessKey = "s" });

        Assert.Equal(CpaAuthKind.ApiKey, auth.Kind);
        Assert.Equal("API key option", auth.Source);
    }

    [Fact]
    public async Task ExplicitProfileIsTakenBeforeTheCpaApiKeyVariable()
    {
        CredentialsFile("[work]\naws_access_key_id = AKIAPROFILE0000001\naws_secret_access_key = profile-secret\n");

        var auth = await Resolve(new CpaCredentialOptions { AwsProfile = "work" }, ("ANTHROPIC_AWS_API_KEY", "cpa-key-1234567890"));

        Assert.Equal("AKIAPROFILE0000001", auth.Aws!.AccessKeyId);
    }

    [Fact]
    public async Task EnvironmentKeysAreTakenBeforeAwsProfile()
    {
        CredentialsFile("[cc]\naws_access_key_id = AKIAPROFILE0000001\naws_secret_access_key = profile-secret\n");

        var auth = await Resolve([.. EnvKeys, ("AWS_PROFILE", "cc")]);

        Assert.Equal("AKIAENV000000000001", auth.Aws!.AccessKeyId);
    }

    [Fact]
    public async Task NamedProfileResolvesFromTheCredentialsFileTheEnvironmentNames()
    {
        var file = _home.File("elsewhere/credentials", "[cc]\naws_access_key_id = AKIANAMED000000001\naws_secret_access_key = named-secret\naws_session_token = named-token\n");

        var auth = await Resolve(("AWS_PROFILE", "cc"), ("AWS_SHARED_CREDENTIALS_FILE", file));

        Assert.Equal("AKIANAMED000000001", auth.Aws!.AccessKeyId);
        Assert.Equal("named-token", auth.Aws.SessionToken);
        Assert.Contains("AWS_PROFILE", auth.Source, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ProfileFromTheConfigFileResolves()
    {
        _home.File("cfg/config", "[profile cc]\naws_access_key_id = AKIACONFIG00000001\naws_secret_access_key = config-secret\n");

        var auth = await Resolve(("AWS_PROFILE", "cc"), ("AWS_CONFIG_FILE", Path.Combine(_home.Path, "cfg", "config")));

        Assert.Equal("AKIACONFIG00000001", auth.Aws!.AccessKeyId);
    }

    [Fact]
    public async Task CredentialProcessProfileResolvesWithItsExpiration()
    {
        var script = _home.Executable("bin/creds.sh",
            "#!/bin/sh\necho '{\"Version\":1,\"AccessKeyId\":\"AKIAPROCESS0000001\",\"SecretAccessKey\":\"process-secret\",\"SessionToken\":\"process-token\",\"Expiration\":\"2099-01-01T00:00:00Z\"}'\n");
        CredentialsFile($"[proc]\ncredential_process = {script}\n");

        var auth = await Resolve(("AWS_PROFILE", "proc"));

        Assert.Equal("AKIAPROCESS0000001", auth.Aws!.AccessKeyId);
        // AWSSDK.Core reports the expiration minus its own pre-emptive refresh margin.
        Assert.InRange(auth.Expiration!.Value, new DateTimeOffset(2098, 12, 31, 23, 0, 0, TimeSpan.Zero), new DateTimeOffset(2099, 1, 1, 0, 0, 0, TimeSpan.Zero));
    }

    [Fact]
    public async Task DefaultProfileIsUsedWhenNothingElseIsSet()
    {
        CredentialsFile("[default]\naws_access_key_id = AKIADEFAULT0000001\naws_secret_access_key = default-secret\n");

        var auth = await Resolve();

        Assert.Equal("AKIADEFAULT0000001", auth.Aws!.AccessKeyId);
    }

    [Fact]
    public async Task MissingProfileNamesTheVariable()
    {
        CredentialsFile("[other]\naws_access_key_id = AKIAOTHER000000001\naws_secret_access_key = s\n");

        var error = await Assert.ThrowsAsync<CpaCredentialException>(() => Resolve(("AWS_PROFILE", "cc")));

        Assert.Equal("AWS_PROFILE", error.Setting);
        Assert.Equal(CpaCredentialProblem.Invalid, error.Problem);
        Assert.Contains("[cc]", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AccessKeyWithoutSecretIsRejectedBeforeAnyRequest()
    {
        var error = await Assert.ThrowsAsync<CpaCredentialException>(() => Resolve(("AWS_ACCESS_KEY_ID", "AKIAHALF0000000001")));

        Assert.Equal("AWS_SECRET_ACCESS_KEY", error.Setting);
    }

    [Fact]
    public async Task NoSourceIsMissingWithAnActionableMessage()
    {
        var error = await Assert.ThrowsAsync<CpaCredentialException>(() => Resolve());

        Assert.Equal(CpaCredentialProblem.Missing, error.Problem);
        Assert.Contains("ANTHROPIC_AWS_API_KEY", error.Message, StringComparison.Ordinal);
        Assert.Contains("AWS_PROFILE", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("AWS_WEB_IDENTITY_TOKEN_FILE", "/var/run/secrets/token", "AWS_ROLE_ARN", "arn:aws:iam::123456789012:role/ci")]
    [InlineData("AWS_CONTAINER_CREDENTIALS_RELATIVE_URI", "/v2/credentials/abc", "AWS_REGION", "us-west-2")]
    public async Task WebIdentityOrContainerCredentialsAloneAreNamedAsUnsupportedWithTheWorkaround(string name, string value, string otherName, string otherValue)
    {
        var error = await Assert.ThrowsAsync<CpaCredentialException>(() => Resolve((name, value), (otherName, otherValue)));

        Assert.Equal(CpaCredentialProblem.Missing, error.Problem);
        Assert.Contains("not resolved", error.Message, StringComparison.Ordinal);
        Assert.Contains("awsCredentialExport", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FirstPartyCredentialsAreNeverACpaCredential()
    {
        var error = await Assert.ThrowsAsync<CpaCredentialException>(() => Resolve(TestEnvironment.FirstPartyCredentials));

        Assert.Equal(CpaCredentialProblem.Missing, error.Problem);
    }

    [Fact]
    public async Task SkipAuthFlagResolvesToNoAuth()
    {
        var auth = await Resolve([("CLAUDE_CODE_SKIP_ANTHROPIC_AWS_AUTH", " Yes "), .. EnvKeys]);

        Assert.Equal(CpaAuthKind.None, auth.Kind);
    }

    [Fact]
    public async Task ExpiredProcessCredentialsAreReportedAsExpired()
    {
        var script = _home.Executable("bin/old.sh",
            "#!/bin/sh\necho '{\"Version\":1,\"AccessKeyId\":\"AKIAOLD00000000001\",\"SecretAccessKey\":\"old-secret\",\"SessionToken\":\"t\",\"Expiration\":\"2001-01-01T00:00:00Z\"}'\n");
        CredentialsFile($"[old]\ncredential_process = {script}\n");

        var error = await Assert.ThrowsAsync<CpaCredentialException>(() => Resolve(("AWS_PROFILE", "old")));

        Assert.Equal(CpaCredentialProblem.Expired, error.Problem);
        Assert.True(error.RefreshMightHelp);
    }

    [Fact]
    public void ResolvedAuthDoesNotShowSecrets()
    {
        var text = CpaResolvedAuth.ApiKey("cpa-key-1234567890abcd", "ANTHROPIC_AWS_API_KEY") + " "
            + CpaResolvedAuth.SigV4(new AwsSessionCredentials("AKIAX", "very-secret-value", "very-secret-token", null, "test"));

        Assert.DoesNotContain("1234567890", text, StringComparison.Ordinal);
        Assert.DoesNotContain("very-secret", text, StringComparison.Ordinal);
        Assert.Contains("cpa…abcd", text, StringComparison.Ordinal);
    }
}
