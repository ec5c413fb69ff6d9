namespace ProviderAudit.Runtime.Tests;

/// <summary>
/// An assembly compiled against the 0.1.0 runtime, where the capability types were defined, still finds them: the
/// runtime forwards each one to ProviderAudit.Abstractions.
/// </summary>
public class TypeForwardTests
{
    // The public types ProviderAudit.Runtime.dll defined in 0.1.0 that moved to the abstractions.
    private static readonly string[] MovedIn020 =
    [
        "ApiProvider", "ApiProviderCapabilities", "ApiProviderIds", "AuthTransportKind", "AuthTransports",
        "IAuthTransport", "IModelIdFormat", "ModelIdFormatKind", "ModelIdFormats", "TransportFeature",
    ];

    [Fact]
    public void Every_type_moved_to_the_abstractions_is_forwarded_there_by_the_runtime()
    {
        var forwarded = typeof(RuntimeBackend).Assembly.GetForwardedTypes();

        Assert.All(forwarded, type => Assert.Same(typeof(ApiProvider).Assembly, type.Assembly));
        Assert.Equal(MovedIn020.Order(StringComparer.Ordinal), forwarded.Select(t => t.Name).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void A_forwarded_name_resolves_through_the_runtime_assembly()
    {
        var resolved = Type.GetType($"ProviderAudit.Runtime.ApiProvider, {typeof(RuntimeBackend).Assembly.GetName().Name}", throwOnError: true);

        Assert.Same(typeof(ApiProvider), resolved);
    }
}
