using ProviderAudit.GatewayEmulator;

namespace ProviderAudit.Transport.Tests.Emulator;

/// <summary>Credentials and a started emulator shared by the transport tests.</summary>
internal static class EmulatorScope
{
    public const string Region = "us-east-1";
    public const string WorkspaceId = "wrkspc_01TestWorkspace";
    public const string AccessKeyId = "AKIAEMULATOR0000001";
    public const string SecretAccessKey = "emulatorSecretKey/0000000000000000000000";
    public const string CpaApiKey = "aws-cpa-test-key-1234567890abcd";

    public static Task<CpaGatewayEmulator> StartAsync(
        BearerApiKeyPolicy bearer = BearerApiKeyPolicy.Accept,
        IReadOnlyDictionary<string, string>? accessKeys = null,
        string region = Region) =>
        CpaGatewayEmulator.StartAsync(new GatewayEmulatorOptions
        {
            Region = region,
            WorkspaceId = WorkspaceId,
            AccessKeys = accessKeys ?? new Dictionary<string, string> { [AccessKeyId] = SecretAccessKey },
            ApiKeys = [CpaApiKey],
            BearerApiKeys = bearer,
        });

    public static string Url(this CpaGatewayEmulator emulator) => emulator.BaseUri.ToString().TrimEnd('/');
}
