using System.Collections;
using ProviderHost;

// The only place that reads the real process environment; everything below works on this dictionary.
var environment = new Dictionary<string, string>(StringComparer.Ordinal);
foreach (DictionaryEntry entry in Environment.GetEnvironmentVariables())
{
    environment[(string)entry.Key] = (string?)entry.Value ?? "";
}

return ProviderHostCli.Run(args, environment, Console.Out, Console.Error);
