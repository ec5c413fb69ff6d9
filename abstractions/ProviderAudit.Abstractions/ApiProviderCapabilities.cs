namespace ProviderAudit.Runtime;

/// <summary>
/// Lets any <see cref="ApiProvider"/> value answer capability questions, so
/// <c>provider == ApiProvider.FirstParty</c> becomes <c>provider.ModelIdFormat().IsFirstParty</c> or
/// <c>provider.AuthTransport().IsFirstParty</c>, whichever the check is really about.
/// </summary>
public static class ApiProviderCapabilities
{
    // One line per backend: its enum value and its two capabilities. Claude Platform on AWS is where they come apart.
    private static readonly (ApiProvider Provider, IModelIdFormat ModelIdFormat, IAuthTransport AuthTransport)[] Pairs =
    [
        (ApiProvider.FirstParty, ModelIdFormats.FirstParty, AuthTransports.FirstParty),
        (ApiProvider.Bedrock, ModelIdFormats.Bedrock, AuthTransports.Bedrock),
        (ApiProvider.Vertex, ModelIdFormats.Vertex, AuthTransports.Vertex),
        (ApiProvider.Foundry, ModelIdFormats.Foundry, AuthTransports.Foundry),
        (ApiProvider.ClaudePlatformAws, ModelIdFormats.FirstParty, AuthTransports.ClaudePlatformAws),
    ];

    /// <summary>How this provider spells model ids.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="provider"/> is not a defined <see cref="ApiProvider"/>.</exception>
    public static IModelIdFormat ModelIdFormat(this ApiProvider provider) => PairOf(provider).ModelIdFormat;

    /// <summary>How this provider authenticates and where its requests go.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="provider"/> is not a defined <see cref="ApiProvider"/>.</exception>
    public static IAuthTransport AuthTransport(this ApiProvider provider) => PairOf(provider).AuthTransport;

    // Indexing by value (not a switch) keeps this free of any comparison with FirstParty.
    private static (ApiProvider Provider, IModelIdFormat ModelIdFormat, IAuthTransport AuthTransport) PairOf(ApiProvider provider)
    {
        var index = (int)provider;
        if (index < 0 || index >= Pairs.Length || (int)Pairs[index].Provider != index)
        {
            throw new ArgumentOutOfRangeException(nameof(provider), provider, "Not a defined ApiProvider value.");
        }

        return Pairs[index];
    }
}
