using Anthropic.Models.Messages;
using ProviderAudit.GatewayEmulator;
using ProviderAudit.Transport.Tests.Emulator;

namespace ProviderAudit.Transport.Tests.Support;

/// <summary>
/// One AWS-authenticated backend (Claude Platform on AWS or Bedrock) pointed at a loopback gateway emulator: its
/// environment, its status with the runtime's real request check, and requests through the request client its
/// transport builds. Tests of AWS credential sources run once per backend.
/// </summary>
internal sealed class AwsBackendScope : IAsyncDisposable
{
    private AwsBackendScope(string backend, CpaGatewayEmulator emulator)
    {
        Backend = backend;
        Emulator = emulator;
    }

    public const string ClaudePlatformAws = "claude-platform-aws";
    public const string Bedrock = "bedrock";

    public string Backend { get; }

    public CpaGatewayEmulator Emulator { get; }

    // Generous deadlines unless a test sets them: a loopback stub on a loaded machine must never look absent.
    public static RequestClientOptions Options(TimeSpan? resolutionTimeout = null, TimeSpan? metadataTimeout = null) => new()
    {
        MaxRetries = 0,
        InjectedHeaders = [],
        CredentialResolutionTimeout = resolutionTimeout ?? TimeSpan.FromSeconds(20),
        MetadataCredentialResolutionTimeout = metadataTimeout ?? resolutionTimeout ?? TimeSpan.FromSeconds(20),
    };

    public static async Task<AwsBackendScope> StartAsync(string backend) => new(backend, await CpaGatewayEmulator.StartAsync(new GatewayEmulatorOptions
    {
        Region = EmulatorScope.Region,
        WorkspaceId = EmulatorScope.WorkspaceId,
        Service = backend == Bedrock ? "bedrock" : "aws-external-anthropic",
        Bedrock = backend == Bedrock,
    }));

    /// <summary>The backend's selection and endpoint variables on top of <paramref name="environment"/>.</summary>
    public Dictionary<string, string> Environment(IReadOnlyDictionary<string, string> environment)
    {
        var env = new Dictionary<string, string>(environment, StringComparer.Ordinal) { ["AWS_REGION"] = EmulatorScope.Region };
        if (Backend == Bedrock)
        {
            env["CLAUDE_CODE_USE_BEDROCK"] = "1";
            env["ANTHROPIC_BEDROCK_BASE_URL"] = Emulator.Url();
        }
        else
        {
            env["ANTHROPIC_AWS_WORKSPACE_ID"] = EmulatorScope.WorkspaceId;
            env["ANTHROPIC_AWS_BASE_URL"] = Emulator.Url();
        }

        return env;
    }

    public static RuntimeStatus Status(IReadOnlyDictionary<string, string> environment, TimeSpan? resolutionTimeout = null, TimeSpan? metadataTimeout = null) =>
        RuntimeStatusEvaluator.Evaluate(environment, HostSettings.Empty, LaunchTarget.ClaudeCode,
            new RuntimeStatusOptions { RequestTransportCheck = new RequestClientCheck(Options(resolutionTimeout, metadataTimeout)) });

    /// <summary>Sends <paramref name="count"/> requests, one after the other, through one request client of the resolved backend.</summary>
    public Task SendAsync(IReadOnlyDictionary<string, string> environment, int count) => SendAsync(Backend, environment, count);

    /// <summary>The same, for a backend id (the child process has no scope).</summary>
    public static async Task SendAsync(string backendId, IReadOnlyDictionary<string, string> environment, int count)
    {
        var backend = BackendResolver.Resolve(environment, HostSettings.Empty, LaunchTarget.ClaudeCode).Backend!;
        using var client = backend.CreateRequestClient(new TransportInputs(environment), Options());
        var model = backendId == Bedrock ? "anthropic.claude-sonnet-4-5-20250929-v1:0" : "claude-sonnet-4-6";
        for (var i = 0; i < count; i++)
        {
            await client.SendAsync((c, ct) => c.Messages.Create(new MessageCreateParams { Model = model, MaxTokens = 16, Messages = [new UserMessageParam("Hi")] }, ct));
        }
    }

    /// <summary>Requests answered 200 that were signed with exactly these temporary keys, session token included.</summary>
    public int SignedWith(string accessKeyId, string sessionToken) =>
        Emulator.Requests.Count(r => r.StatusCode == 200 && r.AccessKeyId == accessKeyId && r.HeaderValues("x-amz-security-token").SequenceEqual([sessionToken]));

    public ValueTask DisposeAsync() => Emulator.DisposeAsync();
}
