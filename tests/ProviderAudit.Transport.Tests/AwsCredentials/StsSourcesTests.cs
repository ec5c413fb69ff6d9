using System.Diagnostics;
using ProviderAudit.Transport.Tests.Support;

namespace ProviderAudit.Transport.Tests.AwsCredentials;

/// <summary>
/// AWS credential sources that go through STS, against a loopback STS (<c>AWS_ENDPOINT_URL_STS</c>) and the loopback
/// gateway emulator, once for Claude Platform on AWS and once for Bedrock: status is ready, 50 requests are signed with
/// the role's temporary keys (session token included), and STS is called once for them. Failures are a not-ready
/// status naming the fix, without a stack trace.
/// </summary>
public sealed class StsSourcesTests : IDisposable
{
    private const string BaseKey = "AKIABASEUSER0000001";
    private const string BaseSecret = "base-user-secret-00000000000000000000000";
    private const string FirstRole = "arn:aws:iam::123456789012:role/first";
    private const string SecondRole = "arn:aws:iam::123456789012:role/second";
    private const int Requests = 50;
    private readonly TemporaryDirectory _home = new("tx");

    public void Dispose() => _home.Dispose();

    private Dictionary<string, string> Env(AwsBackendScope backend, StsStub sts, params (string, string)[] values) =>
        backend.Environment(TestEnvironment.Isolated(_home.Path, [("AWS_ENDPOINT_URL_STS", sts.Url), .. values]));

    private void Config(string content) => _home.File(".aws/config", content);

    private static async Task AssertReadyAndSignedWithOneStsCallAsync(AwsBackendScope backend, StsStub sts, Dictionary<string, string> env, string roleArn, StsStub.TemporaryKeys keys)
    {
        backend.Emulator.Authenticator.AddAccessKey(keys.AccessKeyId, keys.SecretAccessKey);

        var status = AwsBackendScope.Status(env);
        Assert.True(status.Ready, status.Message);

        var callsBefore = sts.CallsFor(roleArn);
        await backend.SendAsync(env, Requests);

        Assert.Equal(Requests, backend.SignedWith(keys.AccessKeyId, keys.SessionToken));
        Assert.Equal(1, sts.CallsFor(roleArn) - callsBefore);
    }

    [Theory]
    [InlineData(AwsBackendScope.ClaudePlatformAws)]
    [InlineData(AwsBackendScope.Bedrock)]
    public async Task Assume_role_with_source_profile_signs_with_the_role_keys(string backendId)
    {
        await using var backend = await AwsBackendScope.StartAsync(backendId);
        await using var sts = await StsStub.StartAsync();
        var keys = sts.Role(FirstRole, "first");
        Config($"[profile base]\naws_access_key_id = {BaseKey}\naws_secret_access_key = {BaseSecret}\n\n[profile cc]\nrole_arn = {FirstRole}\nsource_profile = base\n");

        await AssertReadyAndSignedWithOneStsCallAsync(backend, sts, Env(backend, sts, ("AWS_PROFILE", "cc")), FirstRole, keys);

        Assert.All(sts.Calls, c => Assert.Equal(BaseKey, c.SignedBy));
    }

    [Theory]
    [InlineData(AwsBackendScope.ClaudePlatformAws)]
    [InlineData(AwsBackendScope.Bedrock)]
    public async Task Assume_role_chained_twice_signs_with_the_last_role_and_each_link_with_the_previous_keys(string backendId)
    {
        await using var backend = await AwsBackendScope.StartAsync(backendId);
        await using var sts = await StsStub.StartAsync();
        var first = sts.Role(FirstRole, "first");
        var second = sts.Role(SecondRole, "second");
        Config($"""
            [profile base]
            aws_access_key_id = {BaseKey}
            aws_secret_access_key = {BaseSecret}

            [profile middle]
            role_arn = {FirstRole}
            source_profile = base

            [profile cc]
            role_arn = {SecondRole}
            source_profile = middle
            """);

        await AssertReadyAndSignedWithOneStsCallAsync(backend, sts, Env(backend, sts, ("AWS_PROFILE", "cc")), SecondRole, second);

        Assert.All(sts.Calls.Where(c => c.RoleArn == FirstRole), c => Assert.Equal(BaseKey, c.SignedBy));
        Assert.All(sts.Calls.Where(c => c.RoleArn == SecondRole), c => Assert.Equal(first.AccessKeyId, c.SignedBy));
    }

    [Theory]
    [InlineData(AwsBackendScope.ClaudePlatformAws)]
    [InlineData(AwsBackendScope.Bedrock)]
    public async Task Credential_source_environment_assumes_the_role_with_the_environment_keys(string backendId)
    {
        await using var backend = await AwsBackendScope.StartAsync(backendId);
        await using var sts = await StsStub.StartAsync();
        var keys = sts.Role(FirstRole, "first");
        Config($"[profile cc]\nrole_arn = {FirstRole}\ncredential_source = Environment\n");
        var env = Env(backend, sts, ("AWS_PROFILE", "cc"), ("AWS_ACCESS_KEY_ID", BaseKey), ("AWS_SECRET_ACCESS_KEY", BaseSecret));

        await AssertReadyAndSignedWithOneStsCallAsync(backend, sts, env, FirstRole, keys);

        Assert.All(sts.Calls, c => Assert.Equal(BaseKey, c.SignedBy));
    }

    [Theory]
    [InlineData(AwsBackendScope.ClaudePlatformAws)]
    [InlineData(AwsBackendScope.Bedrock)]
    public async Task Web_identity_from_the_environment_signs_with_the_role_keys(string backendId)
    {
        await using var backend = await AwsBackendScope.StartAsync(backendId);
        await using var sts = await StsStub.StartAsync();
        var keys = sts.Role(FirstRole, "webid");
        var token = _home.File("eks/token", "eyJ-oidc-token-from-the-platform");
        var env = Env(backend, sts, ("AWS_WEB_IDENTITY_TOKEN_FILE", token), ("AWS_ROLE_ARN", FirstRole), ("AWS_ROLE_SESSION_NAME", "claude-session"));

        await AssertReadyAndSignedWithOneStsCallAsync(backend, sts, env, FirstRole, keys);

        var call = Assert.Single(sts.Calls.Where(c => c.Action == "AssumeRoleWithWebIdentity").DistinctBy(c => c.WebIdentityToken));
        Assert.Equal("eyJ-oidc-token-from-the-platform", call.WebIdentityToken);
        Assert.Null(call.SignedBy);
    }

    [Theory]
    [InlineData(AwsBackendScope.ClaudePlatformAws)]
    [InlineData(AwsBackendScope.Bedrock)]
    public async Task Source_profile_cycle_is_not_ready_naming_the_cycle(string backendId)
    {
        await using var backend = await AwsBackendScope.StartAsync(backendId);
        await using var sts = await StsStub.StartAsync();
        Config($"[profile cc]\nrole_arn = {FirstRole}\nsource_profile = other\n\n[profile other]\nrole_arn = {SecondRole}\nsource_profile = cc\n");

        var status = AwsBackendScope.Status(Env(backend, sts, ("AWS_PROFILE", "cc")));

        Assert.False(status.Ready);
        Assert.Contains("cc → other → cc", status.Message, StringComparison.Ordinal);
        Assert.Equal("AWS_PROFILE", Assert.Single(status.Problems).Variable);
        Assert.Empty(sts.Calls);
    }

    [Theory]
    [InlineData(AwsBackendScope.ClaudePlatformAws)]
    [InlineData(AwsBackendScope.Bedrock)]
    public async Task STS_refusing_the_role_is_not_ready_naming_the_role_without_a_stack_trace(string backendId)
    {
        await using var backend = await AwsBackendScope.StartAsync(backendId);
        await using var sts = await StsStub.StartAsync();
        sts.Role(FirstRole, "first");
        sts.Deny[FirstRole] = 0;
        Config($"[profile base]\naws_access_key_id = {BaseKey}\naws_secret_access_key = {BaseSecret}\n\n[profile cc]\nrole_arn = {FirstRole}\nsource_profile = base\n");

        var status = AwsBackendScope.Status(Env(backend, sts, ("AWS_PROFILE", "cc")));

        Assert.False(status.Ready, status.Message);
        Assert.True(status.Message.Contains("not authorized to perform: sts:AssumeRole", StringComparison.Ordinal), status.Message);
        Assert.Contains("trust policy", status.Message, StringComparison.Ordinal);
        Assert.Contains("AWS_ENDPOINT_URL_STS", status.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", status.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", status.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(BaseSecret, status.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(AwsBackendScope.ClaudePlatformAws)]
    [InlineData(AwsBackendScope.Bedrock)]
    public async Task Unreachable_STS_is_not_ready_within_the_deadline(string backendId)
    {
        await using var backend = await AwsBackendScope.StartAsync(backendId);
        await using var silent = await Support.SilentServer.StartAsync();
        Config($"[profile base]\naws_access_key_id = {BaseKey}\naws_secret_access_key = {BaseSecret}\n\n[profile cc]\nrole_arn = {FirstRole}\nsource_profile = base\n");
        var env = backend.Environment(TestEnvironment.Isolated(_home.Path, ("AWS_ENDPOINT_URL_STS", silent.Url), ("AWS_PROFILE", "cc")));

        var clock = Stopwatch.StartNew();
        var status = AwsBackendScope.Status(env, resolutionTimeout: TimeSpan.FromSeconds(1));

        Assert.False(status.Ready);
        Assert.Contains("did not answer within 1 s", status.Message, StringComparison.Ordinal);
        Assert.InRange(clock.Elapsed, TimeSpan.Zero, TimeSpan.FromSeconds(30));
    }

    [Theory]
    [InlineData(AwsBackendScope.ClaudePlatformAws)]
    [InlineData(AwsBackendScope.Bedrock)]
    public async Task Web_identity_without_role_arn_is_not_ready_naming_AWS_ROLE_ARN(string backendId)
    {
        await using var backend = await AwsBackendScope.StartAsync(backendId);
        await using var sts = await StsStub.StartAsync();
        var token = _home.File("eks/token", "eyJ-oidc-token-from-the-platform");

        var status = AwsBackendScope.Status(Env(backend, sts, ("AWS_WEB_IDENTITY_TOKEN_FILE", token)));

        Assert.False(status.Ready);
        Assert.Equal("AWS_ROLE_ARN", Assert.Single(status.Problems).Variable);
        Assert.Contains("set AWS_ROLE_ARN", status.Message, StringComparison.Ordinal);
        Assert.Empty(sts.Calls);
    }
}
