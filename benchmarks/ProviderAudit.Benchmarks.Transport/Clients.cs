using Anthropic;
using Anthropic.Core;
using ProviderAudit.GatewayEmulator;
using ProviderAudit.Runtime;
using ProviderAudit.Runtime.Backends;
using ProviderAudit.Runtime.Requests;
using ProviderAudit.Runtime.Settings;

namespace ProviderAudit.Benchmarks.Transport;

/// <summary>
/// The request paths compared: the official first-party <c>AnthropicClient</c> as the yardstick, and the runtime's
/// request clients built through <see cref="RuntimeBackend.CreateRequestClient"/> (the public API a host uses).
/// Every path gets the same innermost handler, so only what sits above it differs.
/// </summary>
internal static class Clients
{
    public const string Region = "us-east-1";
    public const string WorkspaceId = "wrkspc_bench";
    public const string AccessKeyId = "AKIABENCHMARK0000001";
    public const string SecretAccessKey = "benchSecretKey/00000000000000000000000000";
    public const string CpaApiKey = "aws-cpa-bench-key-1234567890abcdef";

    // The emulator refuses sk-ant- keys (a first-party key sent to CPA is a bug there); the yardstick only needs a key it accepts.
    public const string FirstPartyKey = "bench-first-party-key-1234567890abcdef";

    public static readonly string[] Names = ["first party (AnthropicClient)", "first party (runtime)", "CPA SigV4 (runtime)", "CPA API key (runtime)"];

    public static GatewayEmulatorOptions EmulatorOptions() => new()
    {
        Region = Region,
        WorkspaceId = WorkspaceId,
        AccessKeys = new Dictionary<string, string> { [AccessKeyId] = SecretAccessKey },
        ApiKeys = [CpaApiKey, FirstPartyKey],
        RecordRequests = false,
    };

    /// <summary>The client named <paramref name="name"/> for <paramref name="baseUrl"/>.</summary>
    public static IRequestClient Create(string name, string baseUrl, Func<HttpMessageHandler> primary, CredentialExport export, TimeProvider clock)
    {
        var options = new RequestClientOptions { PrimaryHandler = primary, MaxRetries = 0, InjectedHeaders = [], Clock = clock };
        var cpa = new Dictionary<string, string>
        {
            ["ANTHROPIC_AWS_WORKSPACE_ID"] = WorkspaceId,
            ["AWS_REGION"] = Region,
            ["ANTHROPIC_AWS_BASE_URL"] = baseUrl,
            ["AWS_EC2_METADATA_DISABLED"] = "true",
        };
        return name switch
        {
            "first party (AnthropicClient)" => new OfficialClient(new AnthropicClient(new ClientOptions
            {
                ApiKey = FirstPartyKey,
                BaseUrl = baseUrl,
                MaxRetries = 0,
                HttpClient = new HttpClient(primary(), disposeHandler: true) { Timeout = Timeout.InfiniteTimeSpan },
            })),
            "first party (runtime)" => RuntimeBackends.FirstParty.CreateRequestClient(
                new TransportInputs(new Dictionary<string, string> { ["ANTHROPIC_API_KEY"] = FirstPartyKey, ["ANTHROPIC_BASE_URL"] = baseUrl }, fileExists: _ => false),
                options),
            "CPA SigV4 (runtime)" => RuntimeBackends.ClaudePlatformAws.CreateRequestClient(
                new TransportInputs(cpa, new HostSettings(awsCredentialExport: export.Command), fileExists: _ => false),
                options),
            "CPA API key (runtime)" => RuntimeBackends.ClaudePlatformAws.CreateRequestClient(
                new TransportInputs(new Dictionary<string, string>(cpa) { ["ANTHROPIC_AWS_API_KEY"] = CpaApiKey }, fileExists: _ => false),
                options),
            _ => throw new ArgumentOutOfRangeException(nameof(name), name, "Not a client this benchmark knows."),
        };
    }

    /// <summary>The official client alone, behind the same interface as the runtime's clients.</summary>
    private sealed class OfficialClient(AnthropicClient client) : IRequestClient
    {
        public AuthTransportKind Transport => AuthTransportKind.FirstParty;

        public Uri BaseUri => new(client.BaseUrl);

        public Task PrepareAsync(CancellationToken cancellationToken = default) => Task.CompletedTask;

        public Task<T> SendAsync<T>(Func<IAnthropicClient, CancellationToken, Task<T>> operation, CancellationToken cancellationToken = default) =>
            operation(client, cancellationToken);

        public IAsyncEnumerable<T> StreamAsync<T>(Func<IAnthropicClient, CancellationToken, IAsyncEnumerable<T>> operation, CancellationToken cancellationToken = default) =>
            operation(client, cancellationToken);

        public void Dispose() => client.Dispose();
    }
}

/// <summary>
/// Adds the workspace header a request lacks. The emulator requires it on every request; the CPA clients send it
/// themselves (signed), so for them this is a lookup and nothing more, and for first party one header.
/// </summary>
internal sealed class WorkspaceHeaderHandler : DelegatingHandler
{
    public WorkspaceHeaderHandler(HttpMessageHandler inner)
        : base(inner)
    {
    }

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (!request.Headers.Contains("anthropic-workspace-id"))
        {
            request.Headers.TryAddWithoutValidation("anthropic-workspace-id", Clients.WorkspaceId);
        }

        return base.SendAsync(request, cancellationToken);
    }
}
