namespace ProviderAudit.Package.Tests;

/// <summary>
/// A library as real ones are written (issue 15): it targets netstandard2.0, net462, net6.0, net8.0 and net10.0 with
/// the language version each defaults to (C# 7.3 for netstandard2.0 and net462), has its own provider enum with the
/// member names real code uses and string provider ids, and takes the audit with one unconditional
/// <c>PackageReference Include="ProviderAudit"</c>. It is restored and built, fixed with README's two
/// <c>dotnet format</c> commands (the mapping, then the checks), and built again.
/// </summary>
public sealed class MultiTargetConsumer
{
    public static readonly string[] TargetFrameworks = ["netstandard2.0", "net462", "net6.0", "net8.0", "net10.0"];

    /// <summary>The targets whose default language version is C# 7.3.</summary>
    public static readonly string[] CSharp73Targets = ["netstandard2.0", "net462"];

    public const string ProjectFile = "Contoso.Llm.csproj";

    public const string EnumFile = "ProviderType.cs";

    /// <summary>PA0001 findings before the fixes: two on the enum, one on a string id.</summary>
    public const int ComparisonSites = 3;

    // C# 7.3 throughout: block-scoped namespaces, no switch expressions, no `is not`, no nullable annotations.
    private static readonly Dictionary<string, string> Sources = new(StringComparer.Ordinal)
    {
        [EnumFile] = """
            namespace Contoso.Llm
            {
                /// <summary>The model providers this library talks to, named as the providers name themselves.</summary>
                public enum ProviderType
                {
                    /// <summary>Anthropic's own API.</summary>
                    Anthropic,

                    /// <summary>Google Vertex AI.</summary>
                    VertexAI,

                    /// <summary>Amazon Bedrock.</summary>
                    AmazonBedrock,

                    /// <summary>Not a Claude backend.</summary>
                    OpenAI,
                }
            }

            """,
        ["ClaudeRequests.cs"] = """
            using System.Collections.Generic;

            namespace Contoso.Llm
            {
                /// <summary>What a request to Claude looks like for each provider.</summary>
                public sealed class ClaudeRequests
                {
                    private readonly ProviderType _provider;

                    public ClaudeRequests(ProviderType provider)
                    {
                        _provider = provider;
                    }

                    public string DefaultModel()
                    {
                        if (_provider == ProviderType.Anthropic)
                        {
                            return "claude-sonnet-4-6";
                        }

                        return "anthropic.claude-sonnet-4-6-v1:0";
                    }

                    public IDictionary<string, string> Headers(string apiKey)
                    {
                        var headers = new Dictionary<string, string>();
                        if (_provider == ProviderType.Anthropic)
                        {
                            headers["x-api-key"] = apiKey;
                        }

                        return headers;
                    }
                }
            }

            """,
        ["ProviderSettings.cs"] = """
            namespace Contoso.Llm
            {
                /// <summary>The provider as settings carry it: a string id such as "firstParty".</summary>
                public sealed class ProviderSettings
                {
                    private readonly string _id;

                    public ProviderSettings(string id)
                    {
                        _id = id;
                    }

                    public string GetApiProvider()
                    {
                        return _id;
                    }

                    public string CredentialVariable()
                    {
                        return GetApiProvider() == "firstParty" ? "ANTHROPIC_API_KEY" : "CLOUD_CREDENTIALS";
                    }
                }
            }

            """,
    };

    private const string EditorConfig = """
        [*.cs]
        dotnet_diagnostic.PA0001.severity = warning
        dotnet_diagnostic.PA0003.severity = warning

        # The library's own provider enum, and the member that means Anthropic's API.
        provider_audit.additional_provider_types = Contoso.Llm.ProviderType
        provider_audit.first_party_member = Anthropic

        # Members returning the provider as a string id.
        provider_audit.string_provider_members = GetApiProvider

        """;

    public MultiTargetConsumer(PackedPackage package)
    {
        package.AssertPacked();
        Directory = Path.Combine(ConsumerProject.EnsureConsumersRoot(package), "multi-target");
        System.IO.Directory.CreateDirectory(Directory);
        File.WriteAllText(Path.Combine(Directory, ProjectFile), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFrameworks>{string.Join(';', TargetFrameworks)}</TargetFrameworks>
                <RootNamespace>Contoso.Llm</RootNamespace>
                <!-- net6.0 is out of support; a library that still ships for it turns the SDK's reminder off. -->
                <CheckEolTargetFramework>false</CheckEolTargetFramework>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="ProviderAudit" Version="{package.Version}" />
              </ItemGroup>
            </Project>
            """);
        File.WriteAllText(Path.Combine(Directory, ".editorconfig"), EditorConfig);
        foreach (var (name, text) in Sources)
        {
            File.WriteAllText(Path.Combine(Directory, name), text);
        }

        var project = Path.Combine(Directory, ProjectFile);
        LanguageVersions = CSharp73Targets.ToDictionary(
            framework => framework,
            framework => DotnetCli.Run(Directory, "msbuild", project, "-getProperty:LangVersion", $"-p:TargetFramework={framework}").StandardOutput.Trim(),
            StringComparer.Ordinal);

        Restore = DotnetCli.Run(Directory, "restore", project);
        if (!Restore.Succeeded)
        {
            return;
        }

        Before = DotnetCli.Run(Directory, "build", project, "--no-restore");
        BuiltBefore = BuiltTargets();
        if (!Before.Succeeded)
        {
            return;
        }

        FixMapping = DotnetCli.Run(Directory, "format", "analyzers", project, "--diagnostics", "PA0003", "--severity", "warn");
        FixChecks = DotnetCli.Run(Directory, "format", "analyzers", project, "--diagnostics", "PA0001", "--severity", "warn");
        FixedSources = Sources.Keys.ToDictionary(name => name, name => File.ReadAllText(Path.Combine(Directory, name)), StringComparer.Ordinal);
        foreach (var framework in TargetFrameworks)
        {
            File.Delete(OutputAssembly(framework));
        }

        // Compile again even if nothing changed, so unfixed findings cannot hide behind an up-to-date build.
        After = DotnetCli.Run(Directory, "build", project, "--no-incremental");
        BuiltAfter = BuiltTargets();
    }

    public string Directory { get; }

    /// <summary>LangVersion as MSBuild evaluates it for each C# 7.3 target (the consumer sets none).</summary>
    public IReadOnlyDictionary<string, string> LanguageVersions { get; }

    public DotnetResult Restore { get; }

    public DotnetResult? Before { get; }

    public DotnetResult? FixMapping { get; }

    public DotnetResult? FixChecks { get; }

    public DotnetResult? After { get; }

    /// <summary>The targets whose assembly the build before the fixes wrote.</summary>
    public IReadOnlyList<string> BuiltBefore { get; } = [];

    /// <summary>The targets whose assembly the build after the fixes wrote.</summary>
    public IReadOnlyList<string> BuiltAfter { get; } = [];

    public IReadOnlyDictionary<string, string> FixedSources { get; } = new Dictionary<string, string>();

    public string AssetsFile => Path.Combine(Directory, "obj", "project.assets.json");

    public void AssertRestored() => Assert.True(Restore.Succeeded, Restore.ToString());

    public void AssertBuiltBefore()
    {
        AssertRestored();
        Assert.True(Before!.Succeeded, Before.ToString());
    }

    private string OutputAssembly(string framework) => Path.Combine(Directory, "bin", "Debug", framework, "Contoso.Llm.dll");

    private string[] BuiltTargets() => TargetFrameworks.Where(framework => File.Exists(OutputAssembly(framework))).ToArray();
}
