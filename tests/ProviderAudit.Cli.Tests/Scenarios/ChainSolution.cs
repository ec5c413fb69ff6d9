namespace ProviderAudit.Cli.Tests;

/// <summary>
/// The sources of <see cref="ChainSolutionScenario"/>: a solution of three projects where App references Services
/// and Services references Core, each with comparisons whose concern the analyzer infers (model ids in Core, auth in
/// Services, both in App), and one file with none. Every project gets the packed ProviderAudit package through
/// Directory.Build.props, so `dotnet build` reports PA0001 in each.
/// </summary>
internal static class ChainSolution
{
    public const string LoginComparison = "provider == ApiProvider.FirstParty && hasOAuthToken";

    public const string LoginComparisonFixedByHand = "provider.AuthTransport().IsFirstParty && hasOAuthToken";

    public static void Write(string root, InstalledTool tool)
    {
        Write(root, "Chain.slnx", """
            <Solution>
              <Project Path="App/App.csproj" />
              <Project Path="Core/Core.csproj" />
              <Project Path="Services/Services.csproj" />
            </Solution>

            """);
        Write(root, "Directory.Build.props", $"""
            <Project>
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
                <ImplicitUsings>enable</ImplicitUsings>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="ProviderAudit" Version="{tool.Version}" />
              </ItemGroup>
            </Project>

            """);
        Write(root, "Directory.Build.targets", "<Project />\n");
        Write(root, "Directory.Packages.props", "<Project />\n");
        Write(root, ".editorconfig", "root = true\n\n[*.cs]\nindent_style = space\nindent_size = 4\n");
        Write(root, "nuget.config", LocalFeedNuGetConfig.Text(tool.FeedDirectory, Path.Combine(tool.WorkDirectory, "packages")));

        Write(root, "Core/Core.csproj", """<Project Sdk="Microsoft.NET.Sdk" />""" + "\n");
        Write(root, "Core/ModelIds.cs", """
            using ProviderAudit.Runtime;

            namespace Chain.Core;

            public static class ModelIds
            {
                public static string Resolve(ApiProvider provider, string model)
                {
                    if (provider == ApiProvider.FirstParty)
                    {
                        return "claude-" + model;
                    }

                    return provider is ApiProvider.Bedrock ? "anthropic.claude-" + model + "-v1:0" : model;
                }

                public static bool AcceptsDatedModelIds(ApiProvider provider) =>
                    provider is ApiProvider.FirstParty or ApiProvider.Vertex;
            }

            """);
        Write(root, ChainSolutionScenario.UnrelatedFile, """
            namespace Chain.Core;

            public static class TextUtilities
            {
                public static string Shout(string text) => text.ToUpperInvariant() + "!";
            }

            """);

        Write(root, "Services/Services.csproj", """
            <Project Sdk="Microsoft.NET.Sdk">
              <ItemGroup>
                <ProjectReference Include="../Core/Core.csproj" />
              </ItemGroup>
            </Project>

            """);
        Write(root, ChainSolutionScenario.AddedComparisonFile, """
            using Chain.Core;
            using ProviderAudit.Runtime;

            namespace Chain.Services;

            public static class Headers
            {
                public static Dictionary<string, string> Build(ApiProvider provider, string apiKey)
                {
                    var headers = new Dictionary<string, string> { ["model"] = ModelIds.Resolve(provider, "sonnet-4-6") };
                    if (provider == ApiProvider.FirstParty)
                    {
                        headers["x-api-key"] = apiKey;
                    }

                    return headers;
                }

                public static string? BaseUrl(ApiProvider provider) =>
                    provider != ApiProvider.FirstParty ? null : "https://api.anthropic.com";
            }

            """);

        Write(root, "App/App.csproj", """
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <OutputType>Exe</OutputType>
              </PropertyGroup>
              <ItemGroup>
                <ProjectReference Include="../Services/Services.csproj" />
              </ItemGroup>
            </Project>

            """);
        Write(root, "App/Program.cs", """
            using Chain.App;
            using Chain.Services;
            using ProviderAudit.Runtime;

            var provider = args.Length > 0 ? Enum.Parse<ApiProvider>(args[0]) : ApiProvider.ClaudePlatformAws;
            Console.WriteLine(string.Join(",", Headers.Build(provider, "key").Keys));
            Console.WriteLine(Login.Prompt(provider, hasOAuthToken: false));
            Console.WriteLine(Login.DefaultModel(provider));

            """);
        Write(root, ChainSolutionScenario.RemovedComparisonFile, $$"""
            using ProviderAudit.Runtime;

            namespace Chain.App;

            public static class Login
            {
                public static string Prompt(ApiProvider provider, bool hasOAuthToken) =>
                    {{LoginComparison}} ? "Signed in with your Claude account" : "Log in with your OAuth token";

                public static string DefaultModel(ApiProvider provider) => provider switch
                {
                    ApiProvider.FirstParty => "claude-sonnet-4-6",
                    ApiProvider.Bedrock => "anthropic.claude-sonnet-4-6-v1:0",
                    _ => "claude-sonnet-4-6@20260101",
                };
            }

            """);
    }

    private static void Write(string root, string relativePath, string text)
    {
        var path = Path.Combine(root, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text.ReplaceLineEndings("\n"));
    }
}
