namespace ProviderAudit.Runtime;

/// <summary>
/// Lets any <see cref="ApiProvider"/> value answer capability questions, so
/// <c>provider == ApiProvider.FirstParty</c> becomes <c>provider.ModelIdFormat().IsFirstParty</c> or
/// <c>provider.AuthTransport().IsFirstParty</c>, whichever the check is really about.
/// </summary>
public static class ApiProviderCapabilities
{
    /// <summary>How this provider spells model ids.</summary>
    public static IModelIdFormat ModelIdFormat(this ApiProvider provider) => RuntimeBackends.For(provider).ModelIdFormat;

    /// <summary>How this provider authenticates and where its requests go.</summary>
    public static IAuthTransport AuthTransport(this ApiProvider provider) => RuntimeBackends.For(provider).AuthTransport;

    /// <summary>The backend identity for this provider.</summary>
    public static RuntimeBackend Backend(this ApiProvider provider) => RuntimeBackends.For(provider);
}
