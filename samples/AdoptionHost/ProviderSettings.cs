namespace AdoptionHost;

/// <summary>The provider as the host's settings and telemetry carry it: a string id such as "firstParty".</summary>
public sealed class ProviderSettings
{
    /// <summary>The ids this host writes into settings and telemetry.</summary>
    public static IReadOnlyList<string> KnownIds { get; } = ["firstParty", "bedrock", "vertex", "foundry", "claudePlatformAws"];

    private readonly string _id;

    private ProviderSettings(string id) => _id = id;

    /// <summary>Settings for <paramref name="id"/>; null when the host does not know the id.</summary>
    public static ProviderSettings? FromId(string id) => KnownIds.Contains(id, StringComparer.Ordinal) ? new ProviderSettings(id) : null;

    public string GetApiProvider() => _id;

    public string ModelCatalogName() => GetApiProvider() == "firstParty" ? "anthropic-models" : GetApiProvider() + "-models";

    public string CredentialVariable()
    {
        switch (GetApiProvider())
        {
            case "firstParty":
                return "ANTHROPIC_API_KEY";
            case "bedrock":
                return "AWS_PROFILE";
            default:
                return "CLOUD_CREDENTIALS";
        }
    }

    public bool SyncsOAuthLogin() => string.Equals(GetApiProvider(), "firstParty", StringComparison.Ordinal);

    public string ConsoleUrl() => GetApiProvider() is "firstParty" ? "https://console.anthropic.com" : "(the cloud's console)";
}
