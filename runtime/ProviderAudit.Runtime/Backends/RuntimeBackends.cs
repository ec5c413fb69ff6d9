namespace ProviderAudit.Runtime;

/// <summary>
/// The backends the runtime knows, looked up by enum value or stable id. One line per backend: its enum value, ids and
/// labels, and the runtime side of its two capabilities (model-id spelling, transport); the capabilities themselves are
/// the enum value's (<see cref="ApiProviderCapabilities"/>).
/// </summary>
public static class RuntimeBackends
{
    /// <summary>Anthropic's own API.</summary>
    public static RuntimeBackend FirstParty { get; } = new(
        ApiProvider.FirstParty, "first-party", "Anthropic", "firstParty",
        new FirstPartyModelIdSpelling(), new FirstPartyTransport());

    /// <summary>Amazon Bedrock.</summary>
    public static RuntimeBackend Bedrock { get; } = new(
        ApiProvider.Bedrock, "bedrock", "Amazon Bedrock", "bedrock",
        new BedrockModelIdFormat(inferenceProfile: null), new BedrockTransport());

    /// <summary>Google Vertex AI.</summary>
    public static RuntimeBackend Vertex { get; } = new(
        ApiProvider.Vertex, "vertex", "Google Vertex AI", "vertex",
        new VertexModelIdSpelling(), new VertexTransport());

    /// <summary>Microsoft Foundry.</summary>
    public static RuntimeBackend Foundry { get; } = new(
        ApiProvider.Foundry, "foundry", "Microsoft Foundry", "foundry",
        new FoundryModelIdSpelling(), new FoundryTransport());

    /// <summary>Claude Platform on AWS.</summary>
    public static RuntimeBackend ClaudePlatformAws { get; } = new(
        ApiProvider.ClaudePlatformAws, "claude-platform-aws", "Claude Platform on AWS", "claudePlatformAws",
        new FirstPartyModelIdSpelling(), new ClaudePlatformAwsTransport());

    /// <summary>Every backend, in enum order.</summary>
    public static IReadOnlyList<RuntimeBackend> All { get; } =
        new[] { FirstParty, Bedrock, Vertex, Foundry, ClaudePlatformAws }.OrderBy(b => (int)b.Provider).ToArray();

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
