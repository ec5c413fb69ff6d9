using System.Collections;
using ProviderAudit.Runtime.Catalog;
using ProviderAudit.Runtime.Status;
using ProviderHost;

// The only place that reads the real process environment; everything below works on this dictionary.
var environment = new Dictionary<string, string>(StringComparer.Ordinal);
foreach (DictionaryEntry entry in Environment.GetEnvironmentVariables())
{
    environment[(string)entry.Key] = (string?)entry.Value ?? "";
}

// Model lists are kept between runs (so a warm `ask` sends no listing request): $XDG_CACHE_HOME/provider-audit/models,
// else ~/.cache/provider-audit/models (docs/runtime.md, "Model catalog").
var statusOptions = new RuntimeStatusOptions
{
    Models = new LiveModelCatalog(new LiveModelCatalogOptions { CacheDirectory = LiveModelCatalog.DefaultCacheDirectory(environment) }),
};
return ProviderHostCli.Run(args, environment, Console.Out, Console.Error, statusOptions: statusOptions);
