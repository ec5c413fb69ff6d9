using ProviderAudit.Runtime;

namespace LegacyHost;

public static class SettingsSync
{
    public static IReadOnlyList<string> KeysToSync(ApiProvider provider, HostSettings settings)
    {
        var keys = settings.Entries.Where(e => e.Provider is null).Select(e => e.Key).ToList();

        if (ApiProvider.FirstParty != provider)
        {
            return keys;
        }

        var accountKeys =
            from entry in settings.Entries
            where entry.Provider == ApiProvider.FirstParty
            select entry.Key;

        keys.AddRange(accountKeys);
        return keys;
    }

    public static bool SyncModelPreference(ApiProvider remoteProvider, ApiProvider localProvider) =>
        remoteProvider is ApiProvider.FirstParty && localProvider is ApiProvider.FirstParty;
}
