using System.Diagnostics;
using ProviderAudit.Transport.Tests.ChildProcess;
using ProviderAudit.Transport.Tests.Support;

namespace ProviderAudit.Transport.Tests.AwsCredentials;

/// <summary>
/// Container credentials and EC2 instance metadata: AWSSDK.Core reads their settings only from the process environment,
/// so each case runs ProviderHost's runtime in a child process whose environment points at a loopback stub, once for
/// Claude Platform on AWS and once for Bedrock. Ready, 50 requests signed with the stub's temporary keys (session token
/// included), and the stub asked once for them; an IMDS that never answers is not ready within the deadline.
/// </summary>
public sealed class ProcessEnvironmentSourcesTests : IDisposable
{
    private const int Requests = 50;
    private readonly TemporaryDirectory _home = new("tx");

    public void Dispose() => _home.Dispose();

    private Dictionary<string, string> Env(AwsBackendScope backend, params (string, string)[] values)
    {
        var env = backend.Environment(new Dictionary<string, string>(StringComparer.Ordinal) { ["HOME"] = _home.Path });
        foreach (var (name, value) in values)
        {
            env[name] = value;
        }

        return env;
    }

    private static async Task<string> RunAsync(AwsBackendScope backend, Dictionary<string, string> env, double timeoutSeconds = 20)
    {
        var (exit, output) = await ChildProcessRunner.RunAsync(env, "aws-source", backend.Backend, Requests.ToString(System.Globalization.CultureInfo.InvariantCulture),
            timeoutSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.True(exit == 0, output);
        Assert.Contains($"sent={Requests}", output, StringComparison.Ordinal);
        return output;
    }

    [Theory]
    [InlineData(AwsBackendScope.ClaudePlatformAws)]
    [InlineData(AwsBackendScope.Bedrock)]
    public async Task Container_credentials_from_a_full_uri_sign_the_requests(string backendId)
    {
        await using var backend = await AwsBackendScope.StartAsync(backendId);
        await using var container = await ContainerCredentialsStub.StartAsync(StubKeys.For("container"));
        backend.Emulator.Authenticator.AddAccessKey(container.Keys.AccessKeyId, container.Keys.SecretAccessKey);

        await RunAsync(backend, Env(backend, ("AWS_CONTAINER_CREDENTIALS_FULL_URI", container.Url), ("AWS_EC2_METADATA_DISABLED", "true")));

        Assert.Equal(Requests, backend.SignedWith(container.Keys.AccessKeyId, container.Keys.SessionToken));
        Assert.Equal(2, container.Served); // once for status, once for the request client's 50 requests
    }

    [Theory]
    [InlineData(AwsBackendScope.ClaudePlatformAws)]
    [InlineData(AwsBackendScope.Bedrock)]
    public async Task Container_credentials_with_an_authorization_token_file_send_the_token(string backendId)
    {
        await using var backend = await AwsBackendScope.StartAsync(backendId);
        await using var container = await ContainerCredentialsStub.StartAsync(StubKeys.For("podidentity"), requiredAuthorization: "pod-identity-token");
        backend.Emulator.Authenticator.AddAccessKey(container.Keys.AccessKeyId, container.Keys.SecretAccessKey);
        var tokenFile = _home.File("eks-pod-identity-token", "pod-identity-token");

        await RunAsync(backend, Env(backend,
            ("AWS_CONTAINER_CREDENTIALS_FULL_URI", container.Url), ("AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE", tokenFile), ("AWS_EC2_METADATA_DISABLED", "true")));

        Assert.Equal(Requests, backend.SignedWith(container.Keys.AccessKeyId, container.Keys.SessionToken));
        Assert.Equal(2, container.Served);
    }

    [Theory]
    [InlineData(AwsBackendScope.ClaudePlatformAws)]
    [InlineData(AwsBackendScope.Bedrock)]
    public async Task Instance_metadata_V2_signs_the_requests(string backendId)
    {
        await using var backend = await AwsBackendScope.StartAsync(backendId);
        await using var imds = await InstanceMetadataStub.StartAsync(StubKeys.For("instance"));
        backend.Emulator.Authenticator.AddAccessKey(imds.Keys.AccessKeyId, imds.Keys.SecretAccessKey);

        await RunAsync(backend, Env(backend, ("AWS_EC2_METADATA_SERVICE_ENDPOINT", imds.Url)));

        Assert.Equal(Requests, backend.SignedWith(imds.Keys.AccessKeyId, imds.Keys.SessionToken));
        Assert.Equal(2, imds.CredentialGets);
        Assert.True(imds.TokenPuts >= 1);
        Assert.Equal(0, imds.TokenlessGets);
    }

    [Theory]
    [InlineData(AwsBackendScope.ClaudePlatformAws)]
    [InlineData(AwsBackendScope.Bedrock)]
    public async Task Instance_metadata_that_never_answers_is_not_ready_within_the_deadline(string backendId)
    {
        await using var backend = await AwsBackendScope.StartAsync(backendId);
        await using var silent = await SilentServer.StartAsync();
        var env = Env(backend, ("AWS_EC2_METADATA_SERVICE_ENDPOINT", silent.Url));

        var clock = Stopwatch.StartNew();
        var (exit, output) = await ChildProcessRunner.RunAsync(env, "aws-source", backend.Backend, "1", "1");

        Assert.Equal(3, exit);
        Assert.Contains("ready=False", output, StringComparison.Ordinal);
        Assert.Contains("EC2 instance metadata", output, StringComparison.Ordinal);
        Assert.Contains("did not answer within 1 s", output, StringComparison.Ordinal);
        Assert.Contains("AWS_EC2_METADATA_DISABLED=true", output, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", output, StringComparison.Ordinal);
        Assert.InRange(clock.Elapsed, TimeSpan.Zero, TimeSpan.FromSeconds(60));
        Assert.True(silent.Connections > 0);
        Assert.Empty(backend.Emulator.Requests);
    }

    [Theory]
    [InlineData(AwsBackendScope.ClaudePlatformAws, "AWS_EC2_METADATA_SERVICE_ENDPOINT", "EC2 instance metadata")]
    [InlineData(AwsBackendScope.Bedrock, "AWS_CONTAINER_CREDENTIALS_FULL_URI", "container credentials from")]
    public async Task A_link_local_source_that_never_answers_makes_status_not_ready_within_the_metadata_deadline(string backendId, string endpointVariable, string source)
    {
        await using var backend = await AwsBackendScope.StartAsync(backendId);
        await using var silent = await SilentServer.StartAsync();

        var (exit, output) = await ChildProcessRunner.RunAsync(Env(backend, (endpointVariable, silent.Url)), ChildProgram.ProviderHostVerb, "status");

        Assert.Equal(3, exit);
        Assert.Contains("Ready:          no", output, StringComparison.Ordinal);
        Assert.Contains(source, output, StringComparison.Ordinal);
        // The default metadata deadline (5 s, not the overall 10 s) is the one that ran out.
        Assert.Contains("did not answer within 5 s", output, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", output, StringComparison.Ordinal);
        Assert.True(silent.Connections > 0);
    }

    [Fact]
    public async Task The_metadata_deadline_is_configured_apart_from_the_overall_one()
    {
        await using var backend = await AwsBackendScope.StartAsync(AwsBackendScope.ClaudePlatformAws);
        await using var silent = await SilentServer.StartAsync();

        var (exit, output) = await ChildProcessRunner.RunAsync(
            Env(backend, ("AWS_EC2_METADATA_SERVICE_ENDPOINT", silent.Url)), ChildProgram.AwsSourceVerb, backend.Backend, "1", "60", "1");

        Assert.Equal(3, exit);
        Assert.Contains("ready=False", output, StringComparison.Ordinal);
        Assert.Contains("EC2 instance metadata", output, StringComparison.Ordinal);
        Assert.Contains("did not answer within 1 s", output, StringComparison.Ordinal);
    }
}
