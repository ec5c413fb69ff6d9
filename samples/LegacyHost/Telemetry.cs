using ProviderAudit.Runtime;

namespace LegacyHost;

public static class Telemetry
{
    public static string ProviderLabel(ApiProvider provider) => provider switch
    {
        ApiProvider.FirstParty => "firstParty",
        ApiProvider.Bedrock => "bedrock",
        ApiProvider.Vertex => "vertex",
        ApiProvider.Foundry => "foundry",
        _ => "unknown",
    };

    public static string BillingChannel(ApiProvider provider) =>
        Equals(provider, ApiProvider.FirstParty) ? "anthropic-console" : "cloud-marketplace";
}
