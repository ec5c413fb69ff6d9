using ProviderAudit.Runtime.AwsCredentials;
using ProviderAudit.Runtime.Processes;

namespace ProviderAudit.Runtime.Requests;

/// <summary>How request clients run host commands and talk HTTP; defaults suit a real host.</summary>
public sealed record RequestClientOptions
{
    /// <summary>The defaults.</summary>
    public static RequestClientOptions Default { get; } = new();

    /// <summary>Runs <c>awsAuthRefresh</c> and <c>awsCredentialExport</c>.</summary>
    public IProcessRunner ProcessRunner { get; init; } = new SystemProcessRunner();

    /// <summary>Shows <c>awsAuthRefresh</c> output to the user (redacted); null discards it.</summary>
    public Action<string>? OnRefreshOutput { get; init; }

    /// <summary>How long <c>awsAuthRefresh</c> may run (an SSO login waits for a browser).</summary>
    public TimeSpan RefreshTimeout { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>How long <c>awsCredentialExport</c> may run.</summary>
    public TimeSpan CredentialExportTimeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>
    /// The overall deadline for resolving AWS credentials from a network source (STS, SSO portal, container endpoint,
    /// instance metadata): past it, status is "not ready" naming the source, instead of a host that hangs. Default 10 s.
    /// </summary>
    public TimeSpan CredentialResolutionTimeout { get; init; } = AwsCredentialChain.DefaultResolutionTimeout;

    /// <summary>
    /// The deadline for container credentials and EC2 instance metadata (never longer than
    /// <see cref="CredentialResolutionTimeout"/>). Default 5 s, one request timeout of AWSSDK.Core's own IMDS client:
    /// these link-local endpoints answer in milliseconds where they exist, and nothing answers elsewhere.
    /// </summary>
    public TimeSpan MetadataCredentialResolutionTimeout { get; init; } = AwsCredentialChain.DefaultMetadataResolutionTimeout;

    /// <summary>The clock credential expirations are compared with.</summary>
    public TimeProvider Clock { get; init; } = TimeProvider.System;

    /// <summary>The SDK's retry count (null: the SDK default).</summary>
    public int? MaxRetries { get; init; }

    /// <summary>Makes the innermost HTTP handler (null: the SDK/runtime default).</summary>
    public Func<HttpMessageHandler>? PrimaryHandler { get; init; }

    /// <summary>
    /// Told, in a sentence naming it, of each <c>anthropic-beta</c> value or tool a request carried that the backend's
    /// transport does not support and that was therefore dropped before sending; null: dropped silently.
    /// </summary>
    public Action<string>? OnCapabilityWarning { get; init; }

    /// <summary>The headers the SDK injects from <c>ANTHROPIC_CUSTOM_HEADERS</c>; null: this process's.</summary>
    public IReadOnlyList<KeyValuePair<string, string>>? InjectedHeaders { get; init; }
}
