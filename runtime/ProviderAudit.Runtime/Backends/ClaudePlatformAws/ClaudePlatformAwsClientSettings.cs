using ProviderAudit.Runtime.Requests;

namespace ProviderAudit.Runtime.Backends.ClaudePlatformAws;

/// <summary>SDK plumbing for CPA clients (not credentials: those are resolved by the runtime).</summary>
internal sealed class ClaudePlatformAwsClientSettings
{
    /// <summary>Makes the innermost HTTP handler of each client (default: a new <see cref="SocketsHttpHandler"/>); tests record the wire here.</summary>
    public Func<HttpMessageHandler>? PrimaryHandler { get; init; }

    /// <summary>The SDK's retry count for 408/429/5xx and connection errors (null: the SDK's default).</summary>
    public int? MaxRetries { get; init; }

    /// <summary>Per-request timeout (null: the SDK's default).</summary>
    public TimeSpan? Timeout { get; init; }

    /// <summary>Headers the SDK injects from <c>ANTHROPIC_CUSTOM_HEADERS</c>; null means this process's (<see cref="ProcessCustomHeaders.Current"/>).</summary>
    public IReadOnlyList<KeyValuePair<string, string>>? InjectedHeaders { get; init; }

    /// <summary>Told of each beta or tool dropped because the transport does not carry it (<see cref="RequestClientOptions.OnCapabilityWarning"/>).</summary>
    public Action<string>? OnCapabilityWarning { get; init; }

    /// <summary>The <c>ANTHROPIC_CUSTOM_HEADERS</c> headers CPA requests carry (judged from the effective environment).</summary>
    public IReadOnlyList<CustomHeader> CustomHeaders { get; init; } = [];
}
