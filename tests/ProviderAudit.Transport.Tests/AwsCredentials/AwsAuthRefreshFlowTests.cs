using Anthropic.Models.Messages;
using ProviderAudit.GatewayEmulator;
using ProviderAudit.Transport.Tests.Emulator;
using ProviderAudit.Transport.Tests.Support;

namespace ProviderAudit.Transport.Tests.Transport;

/// <summary>
/// The profile + awsAuthRefresh flow end to end: a fake <c>aws</c> shell script on a temp PATH plays
/// <c>aws sso login</c> by rewriting the profile's credentials file; the emulator says which key signed.
/// </summary>
public sealed class AwsAuthRefreshFlowTests : IDisposable
{
    private const string OldKey = "AKIAOLDKEY00000001";
    private const string OldSecret = "old-secret-value-0000000000000000000000";
    private const string NewKey = "AKIANEWKEY00000002";
    private const string NewSecret = "new-secret-value-0000000000000000000000";

    private readonly TemporaryDirectory _home = new("tx");

    public void Dispose() => _home.Dispose();

    private string RunLog => Path.Combine(_home.Path, "refresh-runs.log");

    private int RefreshRuns => File.Exists(RunLog) ? File.ReadAllLines(RunLog).Length : 0;

    private void WriteProfile(string body) => _home.File(".aws/credentials", "[cc]\n" + body);

    private void InstallFakeAws(int exitCode = 0, string extraOutput = "")
    {
        _home.Executable("bin/aws", $$"""
            #!/bin/sh
            echo "$*" >> "$HOME/refresh-runs.log"
            echo "Attempting to automatically open the SSO authorization page"
            {{extraOutput}}
            if [ {{exitCode}} -ne 0 ]; then echo "Error when retrieving token from sso: Token has expired and refresh failed" 1>&2; exit {{exitCode}}; fi
            printf '[cc]\naws_access_key_id = {{NewKey}}\naws_secret_access_key = {{NewSecret}}\n' > "$HOME/.aws/credentials.tmp"
            mv "$HOME/.aws/credentials.tmp" "$HOME/.aws/credentials"
            echo "Successfully logged into Start URL: https://example.awsapps.com/start"
            """);
    }

    private Dictionary<string, string> Environment() =>
        TestEnvironment.Isolated(_home.Path, ("PATH", $"{Path.Combine(_home.Path, "bin")}:/usr/bin:/bin"), ("AWS_PROFILE", "cc"), ("AWS_REGION", EmulatorScope.Region));

    private (ClaudePlatformAwsRequestClient Client, AwsAuthRefreshCoordinator Refresh, List<string> Output) RequestClient(CpaGatewayEmulator emulator, TimeSpan? timeout = null)
    {
        var env = Environment();
        var output = new List<string>();
        var refresh = new AwsAuthRefreshCoordinator("aws sso login --profile cc", env, new SystemProcessRunner(), timeout ?? TimeSpan.FromSeconds(60), line => { lock (output) { output.Add(line); } });
        var client = new ClaudePlatformAwsRequestClient(
            CpaTestClients.Settings(env, emulator.Url()),
            new ClaudePlatformAwsAuthResolver(CpaTestClients.Settings(env, emulator.Url()), new AwsCredentialChain(env, HostSettings.Empty)),
            refresh,
            new ClaudePlatformAwsClientSettings { MaxRetries = 0, InjectedHeaders = [] });
        return (client, refresh, output);
    }

    private static Task<CpaGatewayEmulator> StartEmulator() =>
        EmulatorScope.StartAsync(accessKeys: new Dictionary<string, string> { [OldKey] = OldSecret, [NewKey] = NewSecret });

    private static Task<Message> Hello(ClaudePlatformAwsRequestClient client) =>
        client.SendAsync((c, ct) => c.Messages.Create(new MessageCreateParams { Model = "claude-sonnet-4-6", MaxTokens = 16, Messages = [new UserMessageParam("Hi")] }, ct));

    [Fact]
    public async Task Expired_credentials_rejected_by_the_gateway_are_refreshed_and_the_request_retried_with_the_new_keys()
    {
        WriteProfile($"aws_access_key_id = {OldKey}\naws_secret_access_key = {OldSecret}\n");
        InstallFakeAws();
        await using var emulator = await StartEmulator();
        emulator.Authenticator.ExpireAccessKey(OldKey);
        var (client, _, output) = RequestClient(emulator);
        using var _ = client;

        await Hello(client);

        Assert.Equal([(401, OldKey), (200, NewKey)], emulator.Requests.Select(r => (r.StatusCode, r.AccessKeyId!)));
        Assert.Equal(1, RefreshRuns);
        Assert.Contains(output, line => line.StartsWith("Successfully logged into", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Fifty_concurrent_requests_with_expired_credentials_run_the_refresh_once()
    {
        WriteProfile($"aws_access_key_id = {OldKey}\naws_secret_access_key = {OldSecret}\n");
        InstallFakeAws();
        await using var emulator = await StartEmulator();
        emulator.Authenticator.ExpireAccessKey(OldKey);
        var (client, refresh, _) = RequestClient(emulator);
        using var _ = client;

        await Task.WhenAll(Enumerable.Range(0, 50).Select(_ => Hello(client)));

        Assert.Equal(1, RefreshRuns);
        Assert.Equal(1, refresh.Runs);
        Assert.Equal(50, emulator.Requests.Count(r => r.StatusCode == 200 && r.AccessKeyId == NewKey));
    }

    [Fact]
    public async Task Expired_profile_credentials_are_refreshed_at_preflight()
    {
        var expired = _home.Executable("bin/expired-creds",
            $"#!/bin/sh\necho '{{\"Version\":1,\"AccessKeyId\":\"{OldKey}\",\"SecretAccessKey\":\"{OldSecret}\",\"SessionToken\":\"t\",\"Expiration\":\"2001-01-01T00:00:00Z\"}}'\n");
        WriteProfile($"credential_process = {expired}\n");
        InstallFakeAws();
        await using var emulator = await StartEmulator();
        var (client, _, _) = RequestClient(emulator);
        using var _ = client;

        var auth = await client.PrepareAsync();
        await Hello(client);

        Assert.Equal(NewKey, auth.Aws!.AccessKeyId);
        Assert.Equal(1, RefreshRuns);
        Assert.Equal(NewKey, Assert.Single(emulator.Requests).AccessKeyId);
    }

    [Fact]
    public async Task Failed_refresh_is_reported_with_its_exit_code_and_redacted_output()
    {
        WriteProfile($"aws_access_key_id = {OldKey}\naws_secret_access_key = {OldSecret}\n");
        InstallFakeAws(exitCode: 2, extraOutput: "echo \"debug: secret " + OldSecret + "\"");
        await using var emulator = await StartEmulator();
        emulator.Authenticator.ExpireAccessKey(OldKey);
        var (client, _, output) = RequestClient(emulator);
        using var _ = client;

        var error = await Assert.ThrowsAsync<AwsCredentialException>(() => Hello(client));

        Assert.Equal(AwsCredentialProblem.RefreshFailed, error.Problem);
        Assert.Contains("exit code 2", error.Message, StringComparison.Ordinal);
        Assert.Contains("Token has expired", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(OldSecret, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(output, line => line.Contains(OldSecret, StringComparison.Ordinal));
        Assert.Single(emulator.Requests);
    }

    [Fact]
    public async Task A_refresh_that_does_not_help_is_retried_only_once()
    {
        WriteProfile($"aws_access_key_id = {OldKey}\naws_secret_access_key = {OldSecret}\n");
        InstallFakeAws();
        await using var emulator = await StartEmulator();
        emulator.Failure = GatewayFailure.TokenExpired;
        var (client, _, _) = RequestClient(emulator);
        using var _ = client;

        await Assert.ThrowsAsync<Anthropic.Exceptions.AnthropicUnauthorizedException>(() => Hello(client));

        Assert.Equal(2, emulator.Requests.Count);
        Assert.Equal(1, RefreshRuns);
    }
}
