using ProviderAudit.Runtime;

namespace LegacyHost;

public static class ProviderDetection
{
    public static ApiProvider Detect(IReadOnlyDictionary<string, string> env)
    {
        if (IsSet(env, "CLAUDE_CODE_USE_BEDROCK"))
        {
            return ApiProvider.Bedrock;
        }

        if (IsSet(env, "CLAUDE_CODE_USE_VERTEX"))
        {
            return ApiProvider.Vertex;
        }

        if (IsSet(env, "CLAUDE_CODE_USE_FOUNDRY"))
        {
            return ApiProvider.Foundry;
        }

        return env.ContainsKey("ANTHROPIC_AWS_WORKSPACE_ID") ? ApiProvider.ClaudePlatformAws : ApiProvider.FirstParty;
    }

    private static bool IsSet(IReadOnlyDictionary<string, string> env, string name) =>
        env.TryGetValue(name, out var value) && value is "1" or "true";
}
