using ProviderAudit.Runtime;

namespace LegacyHost;

public sealed record SettingEntry(string Key, string Value, ApiProvider? Provider);

public sealed class HostSettings
{
    public List<SettingEntry> Entries { get; } = [];

    public static HostSettings Load(IReadOnlyDictionary<string, string> env)
    {
        var settings = new HostSettings();
        settings.Entries.Add(new("model", env.GetValueOrDefault("ANTHROPIC_MODEL", "sonnet"), null));
        settings.Entries.Add(new("oauthAccount", env.GetValueOrDefault("CLAUDE_CODE_OAUTH_ACCOUNT", ""), ApiProvider.FirstParty));
        settings.Entries.Add(new("awsAuthRefresh", env.GetValueOrDefault("AWS_AUTH_REFRESH", ""), ApiProvider.Bedrock));
        return settings;
    }
}
