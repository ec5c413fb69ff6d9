namespace ProviderAudit.Runtime;

/// <summary>
/// Last line of defence for text leaving the runtime: replaces the value of every credential variable in the
/// environment with its redacted form. Messages are written not to contain secrets; this catches the ones that slip in
/// (e.g. a key pasted into the wrong variable and echoed back).
/// </summary>
public static class SecretScrubber
{
    /// <summary>Variables whose values are credentials.</summary>
    public static IReadOnlyList<string> SecretVariables { get; } =
    [
        EnvironmentVariableNames.AnthropicApiKey, EnvironmentVariableNames.AnthropicAuthToken, EnvironmentVariableNames.ClaudeCodeOAuthToken,
        EnvironmentVariableNames.AnthropicCustomHeaders, EnvironmentVariableNames.AnthropicAwsApiKey, EnvironmentVariableNames.AwsSecretAccessKey,
        EnvironmentVariableNames.AwsSessionToken, EnvironmentVariableNames.AwsContainerAuthorizationToken, EnvironmentVariableNames.BedrockBearerToken,
        EnvironmentVariableNames.FoundryApiKey, "AZURE_CLIENT_SECRET", "OPENAI_API_KEY", "GEMINI_API_KEY", "GOOGLE_API_KEY",
    ];

    /// <summary>The text with every secret value from <paramref name="env"/> replaced by its redacted form.</summary>
    public static string Scrub(string text, IReadOnlyDictionary<string, string> env)
    {
        foreach (var name in SecretVariables)
        {
            // Very short values would match ordinary words; nothing that short is a real credential anyway.
            if (env.Raw(name)?.Trim() is { Length: >= 8 } value)
            {
                text = text.Replace(value, Secret.Redact(value), StringComparison.Ordinal);
            }
        }

        return text;
    }
}
