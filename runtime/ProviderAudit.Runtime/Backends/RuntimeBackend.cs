namespace ProviderAudit.Runtime;

/// <summary>
/// A backend's identity: a stable id, labels for people and telemetry, and its two capabilities.
/// Claude Platform on AWS is its own backend everywhere; it is never "first party with a twist".
/// </summary>
public sealed class RuntimeBackend
{
    internal RuntimeBackend(
        ApiProvider provider,
        string id,
        string displayName,
        string telemetryLabel,
        IModelIdFormat modelIdFormat,
        IAuthTransport authTransport)
    {
        Provider = provider;
        Id = id;
        DisplayName = displayName;
        TelemetryLabel = telemetryLabel;
        ModelIdFormat = modelIdFormat;
        AuthTransport = authTransport;
    }

    /// <summary>The enum value older code knows this backend by.</summary>
    public ApiProvider Provider { get; }

    /// <summary>Stable id: <c>first-party</c>, <c>bedrock</c>, <c>vertex</c>, <c>foundry</c>, <c>claude-platform-aws</c>.</summary>
    public string Id { get; }

    /// <summary>What a person sees, e.g. "Claude Platform on AWS".</summary>
    public string DisplayName { get; }

    /// <summary>The label telemetry and logs carry.</summary>
    public string TelemetryLabel { get; }

    /// <summary>How this backend spells model ids.</summary>
    public IModelIdFormat ModelIdFormat { get; }

    /// <summary>How this backend authenticates and where its requests go.</summary>
    public IAuthTransport AuthTransport { get; }

    /// <inheritdoc />
    public override string ToString() => Id;
}
