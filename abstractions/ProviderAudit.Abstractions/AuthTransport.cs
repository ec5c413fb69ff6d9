namespace ProviderAudit.Runtime;

/// <summary>One auth transport's answers; the values are declared in <see cref="AuthTransports"/>.</summary>
internal sealed class AuthTransport : IAuthTransport
{
    private readonly HashSet<TransportFeature> _features;

    internal AuthTransport(AuthTransportKind kind, bool isFirstParty, params TransportFeature[] features)
    {
        Kind = kind;
        IsFirstParty = isFirstParty;
        _features = new HashSet<TransportFeature>(features);
    }

    /// <inheritdoc />
    public AuthTransportKind Kind { get; }

    /// <inheritdoc />
    public bool IsFirstParty { get; }

    /// <inheritdoc />
    public bool Supports(TransportFeature feature) => _features.Contains(feature);

    /// <inheritdoc />
    public override string ToString() => Kind.ToString();
}
