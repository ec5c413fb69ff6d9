using ProviderAudit.Transport.Tests.Emulator;

namespace ProviderAudit.Transport.Tests.Support;

/// <summary>The runtime's CPA request path, built from an environment dictionary the way the transport builds it.</summary>
internal static class CpaTestClients
{
    /// <summary>Validated CPA settings for the emulator's workspace and region at <paramref name="baseUrl"/>, plus <paramref name="environment"/>.</summary>
    public static ClaudePlatformAwsSettings Settings(IReadOnlyDictionary<string, string> environment, string baseUrl, HostSettings? hostSettings = null)
    {
        var env = new Dictionary<string, string>(environment, StringComparer.Ordinal)
        {
            ["ANTHROPIC_AWS_WORKSPACE_ID"] = EmulatorScope.WorkspaceId,
            ["AWS_REGION"] = EmulatorScope.Region,
            ["ANTHROPIC_AWS_BASE_URL"] = baseUrl,
        };
        return ClaudePlatformAwsSettings.Read(env, hostSettings);
    }

    /// <summary>Settings for handler tests that never resolve a credential.</summary>
    public static ClaudePlatformAwsSettings SkipAuthSettings(string baseUrl) =>
        Settings(new Dictionary<string, string> { ["CLAUDE_CODE_SKIP_ANTHROPIC_AWS_AUTH"] = "1" }, baseUrl);

    public static ClaudePlatformAwsRequestClient RequestClient(
        IReadOnlyDictionary<string, string> environment,
        string baseUrl,
        AwsAuthRefreshCoordinator? refresh = null,
        AwsCredentialChainOptions? chainOptions = null)
    {
        var settings = Settings(environment, baseUrl);
        var chain = new AwsCredentialChain(environment, HostSettings.Empty, chainOptions);
        return new ClaudePlatformAwsRequestClient(settings, new ClaudePlatformAwsAuthResolver(settings, chain), refresh,
            new ClaudePlatformAwsClientSettings { MaxRetries = 0, InjectedHeaders = [] });
    }
}
