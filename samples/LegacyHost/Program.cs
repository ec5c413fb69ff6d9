using LegacyHost;

var env = Environment.GetEnvironmentVariables()
    .Cast<System.Collections.DictionaryEntry>()
    .ToDictionary(e => (string)e.Key, e => (string?)e.Value ?? "", StringComparer.Ordinal);

var provider = ProviderDetection.Detect(env);
var settings = HostSettings.Load(env);
var session = new Session(provider, HasOAuthToken: env.ContainsKey("CLAUDE_CODE_OAUTH_TOKEN"));

Console.WriteLine($"Provider:  {provider}");
Console.WriteLine($"Status:    {StatusPanel.Headline(session)}");
foreach (var action in StatusPanel.Actions(session))
{
    Console.WriteLine($"Action:    {action}");
}

Console.WriteLine($"Model:     {ModelCatalog.ResolveModelId(provider, ModelCatalog.DefaultAlias(provider))}");
Console.WriteLine($"Models:    {string.Join(", ", ModelCatalog.Available(provider).Select(m => m.Alias))}");
Console.WriteLine($"Base URL:  {RequestHeaders.BaseUrl(provider) ?? "(SDK default)"}");
Console.WriteLine($"Headers:   {string.Join(", ", RequestHeaders.Build(provider, env).Keys)}");
Console.WriteLine($"Telemetry: {Telemetry.ProviderLabel(provider)} / {Telemetry.BillingChannel(provider)}");
Console.WriteLine($"Synced:    {string.Join(", ", SettingsSync.KeysToSync(provider, settings))}");

var launch = LaunchEnvironmentBuilder.ForClaudeCode(provider, env);
Console.WriteLine($"Launch:    {string.Join(", ", launch.Keys.Order(StringComparer.Ordinal))}");
return 0;
