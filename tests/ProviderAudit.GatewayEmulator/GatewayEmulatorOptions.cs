namespace ProviderAudit.GatewayEmulator;

/// <summary>What the emulator does with a CPA API key sent as <c>Authorization: Bearer</c>.</summary>
public enum BearerApiKeyPolicy
{
    /// <summary>
    /// Accept it (the AWS user guide words the key as a "bearer token", and the official C#
    /// <c>AnthropicAwsClient</c> 1.0.2 sends it that way). The request is recorded as
    /// <see cref="GatewayAuthKind.BearerApiKey"/> so tests can tell it from <c>x-api-key</c>.
    /// </summary>
    Accept,
    /// <summary>Reject it: only <c>x-api-key</c> is accepted, as the platform docs and the TS/Python SDKs send it.</summary>
    Reject,
}

/// <summary>A failure the emulator answers every authenticated request with, for probe tests.</summary>
public enum GatewayFailure
{
    /// <summary>Answer normally.</summary>
    None,
    /// <summary>403: outbound web identity federation is disabled for the account.</summary>
    FederationDisabled,
    /// <summary>403: the caller's IAM policy lacks <c>aws-external-anthropic:*</c> actions.</summary>
    IamDenied,
    /// <summary>401: the security token is expired (e.g. an SSO session ended).</summary>
    TokenExpired,
    /// <summary>403: the signature does not match (a secret from another key pair).</summary>
    SignatureMismatch,
    /// <summary>403: the access key id is unknown (deleted or deactivated).</summary>
    UnknownAccessKey,
    /// <summary>403: the signature's timestamp is too far from the gateway's clock.</summary>
    ClockSkew,
}

/// <summary>How the emulator is configured at start.</summary>
public sealed class GatewayEmulatorOptions
{
    /// <summary>The region the emulated endpoint serves (SigV4 scopes must name it).</summary>
    public string Region { get; init; } = "us-east-1";

    /// <summary>The SigV4 service name the scopes must name.</summary>
    public string Service { get; init; } = "aws-external-anthropic";

    /// <summary>
    /// Answer as Amazon Bedrock instead (<c>POST /model/{id}/invoke</c>, Bedrock model ids, no workspace header); the
    /// same auth rules apply. Pair with <see cref="Service"/> = <c>bedrock</c>.
    /// </summary>
    public bool Bedrock { get; init; }

    /// <summary>The only workspace id this gateway serves.</summary>
    public string WorkspaceId { get; init; } = "wrkspc_emulator";

    /// <summary>Access key id → secret access key pairs the gateway accepts for SigV4.</summary>
    public IReadOnlyDictionary<string, string> AccessKeys { get; init; } = new Dictionary<string, string>();

    /// <summary>CPA API keys the gateway accepts.</summary>
    public IReadOnlyCollection<string> ApiKeys { get; init; } = [];

    /// <summary>What to do with a CPA API key sent as Bearer.</summary>
    public BearerApiKeyPolicy BearerApiKeys { get; init; } = BearerApiKeyPolicy.Accept;

    /// <summary>How far <c>x-amz-date</c> may be from the gateway clock (AWS allows 15 minutes).</summary>
    public TimeSpan MaxClockSkew { get; init; } = TimeSpan.FromMinutes(15);

    /// <summary>The gateway clock.</summary>
    public Func<DateTimeOffset> Clock { get; init; } = () => DateTimeOffset.UtcNow;

    /// <summary>
    /// Answer AWS auth errors as an AWS front end does (<c>x-amzn-ErrorType</c> header, <c>{"__type","message"}</c> body)
    /// instead of the gateway's Anthropic error shape.
    /// </summary>
    public bool AwsErrorShape { get; init; }

    /// <summary>The assistant text every Messages answer carries.</summary>
    public string ReplyText { get; init; } = "Hello from the Claude Platform on AWS gateway emulator.";

    /// <summary>The model ids <c>/v1/models</c> lists (first-party ids, as CPA uses), newest first; change them while running with <see cref="CpaGatewayEmulator.SetModels"/>.</summary>
    public IReadOnlyList<string> Models { get; init; } = ["claude-opus-4-5-20251101", "claude-sonnet-4-6", "claude-haiku-4-5-20251001"];

    /// <summary>
    /// The most models one <c>/v1/models</c> page holds, whatever <c>limit</c> the client asks for (null: the client's
    /// <c>limit</c>, default 20, as the API pages). Small values make tests follow several pages.
    /// </summary>
    public int? ModelPageSize { get; init; }

    /// <summary>
    /// Require the <c>anthropic-workspace-id</c> header (Claude Platform on AWS). Off, the emulator stands in for first
    /// party's API: no workspace, and an <c>x-api-key</c> from <see cref="ApiKeys"/> authenticates.
    /// </summary>
    public bool RequireWorkspace { get; init; } = true;

    /// <summary>
    /// Whether <see cref="CpaGatewayEmulator.Requests"/> keeps every request (on by default). Benchmarks turn it off:
    /// a run of tens of thousands of 100 kB requests would otherwise hold gigabytes, and time the garbage collector.
    /// </summary>
    public bool RecordRequests { get; init; } = true;
}
