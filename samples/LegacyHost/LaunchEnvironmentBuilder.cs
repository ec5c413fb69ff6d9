using ProviderAudit.Runtime;

namespace LegacyHost;

public static class LaunchEnvironmentBuilder
{
    private static readonly string[] FirstPartyCredentialVariables =
        ["ANTHROPIC_API_KEY", "ANTHROPIC_AUTH_TOKEN", "CLAUDE_CODE_OAUTH_TOKEN"];

    public static Dictionary<string, string> ForClaudeCode(ApiProvider provider, IReadOnlyDictionary<string, string> env)
    {
        var launch = env
            .Where(e => e.Key.StartsWith("ANTHROPIC_", StringComparison.Ordinal)
                || e.Key.StartsWith("CLAUDE_CODE_", StringComparison.Ordinal)
                || e.Key.StartsWith("AWS_", StringComparison.Ordinal))
            .ToDictionary(e => e.Key, e => e.Value, StringComparer.Ordinal);

        if (provider is not ApiProvider.FirstParty)
        {
            foreach (var name in FirstPartyCredentialVariables)
            {
                launch.Remove(name);
            }
        }

        if (provider == ApiProvider.FirstParty)
        {
            launch["ANTHROPIC_BASE_URL"] = "https://api.anthropic.com";
        }

        launch["ANTHROPIC_MODEL"] = ModelCatalog.ResolveModelId(provider, ModelCatalog.DefaultAlias(provider));

        foreach (var key in launch.Keys.Where(k => k.StartsWith("AWS_", StringComparison.Ordinal) && provider == ApiProvider.FirstParty).ToList())
        {
            launch.Remove(key);
        }

        return launch;
    }
}
