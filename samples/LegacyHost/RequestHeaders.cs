using ProviderAudit.Runtime;

namespace LegacyHost;

public static class RequestHeaders
{
    public static Dictionary<string, string> Build(ApiProvider provider, IReadOnlyDictionary<string, string> env)
    {
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
        {
            ["anthropic-version"] = "2023-06-01",
        };

        if (provider == ApiProvider.FirstParty && env.TryGetValue("ANTHROPIC_API_KEY", out var apiKey))
        {
            headers["x-api-key"] = apiKey;
        }

        if (ApiProvider.FirstParty == provider && env.TryGetValue("CLAUDE_CODE_OAUTH_TOKEN", out var token))
        {
            headers["Authorization"] = $"Bearer {token}";
            headers["anthropic-beta"] = "oauth-2025-04-20";
        }

        return headers;
    }

    public static string? BaseUrl(ApiProvider provider)
    {
        if (provider is not ApiProvider.FirstParty)
        {
            return null;
        }

        return "https://api.anthropic.com";
    }

    public static bool UsesOAuthLogin(ApiProvider provider) => provider.Equals(ApiProvider.FirstParty);
}
