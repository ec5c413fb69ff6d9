using ProviderAudit.Runtime.Backends.Bedrock;
using ProviderAudit.Runtime.Backends.ClaudePlatformAws;
using ProviderAudit.Runtime.Backends.FirstParty;
using ProviderAudit.Runtime.Backends.Foundry;
using ProviderAudit.Runtime.Backends.Vertex;

namespace ProviderAudit.Runtime.Backends;

/// <summary>
/// The backends the runtime knows, looked up by enum value or stable id: the registry. Each backend is one line here —
/// its enum value, ids and labels, and the runtime side of its two capabilities (model-id spelling, transport), both
/// from its own folder under <c>Backends/</c>; the capabilities themselves are the enum value's
/// (<see cref="ApiProviderCapabilities"/>). This is the one place that names the backends' types.
/// </summary>
public static class RuntimeBackends
{
    // One line per backend, in selection order: the first whose selector flag is on wins, then the first whose implied
    // selector is set (BackendResolver); first party, with no selector, is what remains. Claude Platform on AWS spells
    // model ids as first party does: that pairing is the point of it.
    private static readonly RuntimeBackend[] InSelectionOrder =
    [
        new(ApiProvider.Bedrock, "bedrock", "Amazon Bedrock", "bedrock", new BedrockModelIdFormat(inferenceProfile: null), new BedrockTransport()),
        new(ApiProvider.Foundry, "foundry", "Microsoft Foundry", "foundry", new FoundryModelIdSpelling(), new FoundryTransport()),
        new(ApiProvider.ClaudePlatformAws, "claude-platform-aws", "Claude Platform on AWS", "claudePlatformAws", new FirstPartyModelIdSpelling(), new ClaudePlatformAwsTransport()),
        new(ApiProvider.Vertex, "vertex", "Google Vertex AI", "vertex", new VertexModelIdSpelling(), new VertexTransport()),
        new(ApiProvider.FirstParty, "first-party", "Anthropic", "firstParty", new FirstPartyModelIdSpelling(), new FirstPartyTransport()),
    ];

    /// <summary>Every backend, in enum order.</summary>
    public static IReadOnlyList<RuntimeBackend> All { get; } = InSelectionOrder.OrderBy(b => (int)b.Provider).ToArray();

    /// <summary>Anthropic's own API.</summary>
    public static RuntimeBackend FirstParty { get; } = For(ApiProvider.FirstParty);

    /// <summary>Amazon Bedrock.</summary>
    public static RuntimeBackend Bedrock { get; } = For(ApiProvider.Bedrock);

    /// <summary>Google Vertex AI.</summary>
    public static RuntimeBackend Vertex { get; } = For(ApiProvider.Vertex);

    /// <summary>Microsoft Foundry.</summary>
    public static RuntimeBackend Foundry { get; } = For(ApiProvider.Foundry);

    /// <summary>Claude Platform on AWS.</summary>
    public static RuntimeBackend ClaudePlatformAws { get; } = For(ApiProvider.ClaudePlatformAws);

    /// <summary>Every backend in the order <see cref="BackendResolver"/> tries their selectors.</summary>
    internal static IReadOnlyList<RuntimeBackend> SelectionOrder => InSelectionOrder;

    /// <summary>The backend for an enum value.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is not a defined <see cref="ApiProvider"/>.</exception>
    public static RuntimeBackend For(ApiProvider provider)
    {
        // Indexing by value (not a switch) keeps this free of any comparison with FirstParty.
        var index = (int)provider;
        if (index < 0 || index >= All.Count || (int)All[index].Provider != index)
        {
            throw new ArgumentOutOfRangeException(nameof(provider), provider, "Not a defined ApiProvider value.");
        }

        return All[index];
    }

    /// <summary>The backend identity for this provider (the same as <see cref="For"/>).</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is not a defined <see cref="ApiProvider"/>.</exception>
    public static RuntimeBackend Backend(this ApiProvider provider) => For(provider);

    /// <summary>The backend with this stable id, or null.</summary>
    public static RuntimeBackend? FindById(string id) =>
        All.FirstOrDefault(b => string.Equals(b.Id, id, StringComparison.Ordinal));
}
