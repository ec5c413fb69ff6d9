namespace ProviderAudit.Runtime.Backends.Foundry;

/// <summary>Microsoft Foundry's variables (with the Azure identity ones its Entra ID sign-in reads), spelled once.</summary>
internal static class FoundryVariables
{
    public const string UseFoundry = "CLAUDE_CODE_USE_FOUNDRY";
    public const string FoundryResource = "ANTHROPIC_FOUNDRY_RESOURCE";
    public const string FoundryBaseUrl = "ANTHROPIC_FOUNDRY_BASE_URL";
    public const string FoundryApiKey = "ANTHROPIC_FOUNDRY_API_KEY";
    public const string SkipFoundryAuth = "CLAUDE_CODE_SKIP_FOUNDRY_AUTH";
    public const string AzureClientId = "AZURE_CLIENT_ID";
    public const string AzureTenantId = "AZURE_TENANT_ID";
    public const string AzureClientSecret = "AZURE_CLIENT_SECRET";
    public const string AzureClientCertificatePath = "AZURE_CLIENT_CERTIFICATE_PATH";
    public const string AzureFederatedTokenFile = "AZURE_FEDERATED_TOKEN_FILE";
    public const string AzureAuthorityHost = "AZURE_AUTHORITY_HOST";
}
