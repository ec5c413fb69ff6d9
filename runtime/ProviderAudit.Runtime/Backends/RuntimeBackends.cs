namespace ProviderAudit.Runtime;

/// <summary>The backends the runtime knows, looked up by enum value or stable id.</summary>
public static class RuntimeBackends
{
    /// <summary>Anthropic's own API.</summary>
    public static RuntimeBackend FirstParty { get; } = new(
        ApiProvider.FirstParty, "first-party", "Anthropic", "firstParty",
        ModelIdFormats.FirstParty, AuthTransports.FirstParty);

    /// <summary>Amazon Bedrock.</summary>
    public static RuntimeBackend Bedrock { get; } = new(
        ApiProvider.Bedrock, "bedrock", "Amazon Bedrock", "bedrock",
        ModelIdFormats.Bedrock, AuthTransports.Bedrock);

    /// <summary>Google Vertex AI.</summary>
    public static RuntimeBackend Vertex { get; } = new(
        ApiProvider.Vertex, "vertex", "Google Vertex AI", "vertex",
        ModelIdFormats.Vertex, AuthTransports.Vertex);

    /// <summary>Microsoft Foundry.</summary>
    public static RuntimeBackend Foundry { get; } = new(
        ApiProvider.Foundry, "foundry", "Microsoft Foundry", "foundry",
        ModelIdFormats.Foundry, AuthTransports.Foundry);

    /// <summary>Claude Platform on AWS.</summary>
    public static RuntimeBackend ClaudePlatformAws { get; } = new(
        ApiProvider.ClaudePlatformAws, "claude-platform-aws", "Claude Platform on AWS", "claudePlatformAws",
        ModelIdFormats.FirstParty, AuthTransports.ClaudePlatformAws);

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

    /// <summary>The backend with this stable id, or null.</summary>
    public static RuntimeBackend? FindById(string id) =>
        All.FirstOrDefault(b => string.Equals(b.Id, id, StringComparison.Ordinal));
}
