using ProviderAudit.Transport.Tests.Support;

namespace ProviderAudit.Transport.Tests.ClaudePlatformAws;

/// <summary>The one auth a CPA request carries: skip-auth, else the CPA key, else SigV4 from the AWS chain.</summary>
public sealed class ClaudePlatformAwsAuthResolverTests : IDisposable
{
    private static readonly (string, string)[] EnvKeys = [("AWS_ACCESS_KEY_ID", "AKIAENV000000000001"), ("AWS_SECRET_ACCESS_KEY", "env-secret")];
    private readonly TemporaryDirectory _home = new("tx");

    public void Dispose() => _home.Dispose();

    private Task<ClaudePlatformAwsAuth> Resolve(params (string, string)[] values)
    {
        var env = TestEnvironment.Isolated(_home.Path, values);
        var settings = CpaTestClients.Settings(env, "https://gateway.example.com");
        return new ClaudePlatformAwsAuthResolver(settings, new AwsCredentialChain(env, HostSettings.Empty)).ResolveAsync();
    }

    [Fact]
    public async Task Environment_keys_resolve_to_SigV4()
    {
        var auth = await Resolve(EnvKeys);

        Assert.Equal(ClaudePlatformAwsAuthMode.SigV4, auth.Mode);
        Assert.Equal("AKIAENV000000000001", auth.Aws!.AccessKeyId);
    }

    [Fact]
    public async Task CPA_API_key_is_taken_before_the_AWS_chain()
    {
        var auth = await Resolve([("ANTHROPIC_AWS_API_KEY", "cpa-key-1234567890"), .. EnvKeys, ("AWS_PROFILE", "cc")]);

        Assert.Equal(ClaudePlatformAwsAuthMode.ApiKey, auth.Mode);
        Assert.Equal("cpa-key-1234567890", auth.RevealApiKey());
    }

    [Fact]
    public async Task The_CPA_key_is_one_auth_for_every_request_so_the_official_client_is_reused()
    {
        var env = TestEnvironment.Isolated(_home.Path, ("ANTHROPIC_AWS_API_KEY", "cpa-key-1234567890"));
        var settings = CpaTestClients.Settings(env, "https://gateway.example.com");
        var resolver = new ClaudePlatformAwsAuthResolver(settings, new AwsCredentialChain(env, HostSettings.Empty));

        Assert.Same(await resolver.ResolveAsync(), await resolver.ResolveAsync());
    }

    [Fact]
    public async Task Skip_auth_flag_resolves_to_no_auth()
    {
        var auth = await Resolve([("CLAUDE_CODE_SKIP_ANTHROPIC_AWS_AUTH", " Yes "), .. EnvKeys]);

        Assert.Equal(ClaudePlatformAwsAuthMode.SkipAuth, auth.Mode);
    }

    [Fact]
    public void FirstParty_credentials_are_never_a_CPA_credential()
    {
        var env = TestEnvironment.Isolated(_home.Path, [("ANTHROPIC_AWS_WORKSPACE_ID", "wrkspc_1"), ("AWS_REGION", "us-west-2"), .. TestEnvironment.FirstPartyCredentials]);

        Assert.False(ClaudePlatformAwsSettings.TryRead(new TransportInputs(env), out _, out var problems));
        Assert.Equal("ANTHROPIC_AWS_API_KEY", Assert.Single(problems).Variable);
    }

    [Fact]
    public void Resolved_auth_does_not_show_secrets()
    {
        var text = ClaudePlatformAwsAuth.ApiKey("cpa-key-1234567890abcd", "ANTHROPIC_AWS_API_KEY") + " "
            + ClaudePlatformAwsAuth.SigV4(new AwsSessionCredentials("AKIAX", "very-secret-value", "very-secret-token", null, "test"));

        Assert.DoesNotContain("1234567890", text, StringComparison.Ordinal);
        Assert.DoesNotContain("very-secret", text, StringComparison.Ordinal);
        Assert.Contains("cpa…abcd", text, StringComparison.Ordinal);
    }
}
