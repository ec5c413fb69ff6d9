using ProviderAudit.Runtime;

namespace LegacyHost;

public sealed record Session(ApiProvider Provider, bool HasOAuthToken);
