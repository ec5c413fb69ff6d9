namespace ProviderAudit.Runtime;

/// <summary>How a backend authenticates and where its requests go.</summary>
public interface IAuthTransport
{
    /// <summary>Which transport this is.</summary>
    AuthTransportKind Kind { get; }

    /// <summary>True only for Anthropic's own endpoint with Anthropic API keys or OAuth.</summary>
    bool IsFirstParty { get; }
}
