namespace ProviderAudit.Transport.Tests.Transport;

/// <summary>Runs <see cref="OwnedProcessTreeTests"/> with no other test class at the same time.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class OwnedProcessTreeCollection
{
    public const string Name = "owned process trees";
}
