using AdoptionHost;

// dotnet run --project samples/AdoptionHost -- --backend <Anthropic|Bedrock|…>   decisions made from the enum
// dotnet run --project samples/AdoptionHost -- --provider-id <firstParty|…>      decisions made from the string id
if (args is ["--backend", var name] && Enum.TryParse<Backend>(name, ignoreCase: false, out var backend) && Enum.IsDefined(backend))
{
    Console.WriteLine($"Backend:      {backend}");
    Console.WriteLine($"Model:        {ModelChoice.DefaultModelId(backend)}");
    Console.WriteLine($"Alias:        {ModelChoice.ModelAlias(backend, ModelChoice.DefaultModelId(backend))}");
    Console.WriteLine($"Previews:     {ModelChoice.OffersPreviewModels(backend)}");
    Console.WriteLine($"Base URL:     {RequestSetup.BaseUrl(backend) ?? "(SDK default)"}");
    Console.WriteLine($"Headers:      {string.Join(", ", RequestSetup.HeaderNames(backend))}");
    Console.WriteLine($"Action:       {RequestSetup.StatusAction(backend)}");
    return 0;
}

if (args is ["--provider-id", var id] && ProviderSettings.FromId(id) is { } settings)
{
    Console.WriteLine($"Provider id:  {settings.GetApiProvider()}");
    Console.WriteLine($"Catalog:      {settings.ModelCatalogName()}");
    Console.WriteLine($"Credential:   {settings.CredentialVariable()}");
    Console.WriteLine($"OAuth sync:   {settings.SyncsOAuthLogin()}");
    Console.WriteLine($"Console:      {settings.ConsoleUrl()}");
    return 0;
}

Console.Error.WriteLine(
    $"usage: AdoptionHost --backend <{string.Join("|", Enum.GetNames<Backend>())}> | --provider-id <{string.Join("|", ProviderSettings.KnownIds)}>");
return 2;
