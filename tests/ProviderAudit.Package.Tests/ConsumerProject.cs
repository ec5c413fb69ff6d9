namespace ProviderAudit.Package.Tests;

/// <summary>
/// A fresh project outside the repository that gets ProviderAudit the way a user does: one PackageReference (to
/// <c>ProviderAudit</c>, or to <c>ProviderAudit.Runtime</c>, which brings it), resolved from a local folder source
/// (mapped for <c>ProviderAudit*</c>) next to the public registry's <c>nuget.org</c> key (everything else), like the
/// repository's own nuget.config.
/// </summary>
public sealed class ConsumerProject
{
    /// <summary>A consumer whose only finding is the comparison on <see cref="FlaggedLine"/>.</summary>
    public const string AuditedProgram = """
        using ProviderAudit.Runtime;

        var provider = args.Length > 0 ? Enum.Parse<ApiProvider>(args[0]) : ApiProvider.ClaudePlatformAws;
        var headers = new Dictionary<string, string>();
        if (provider == ApiProvider.FirstParty)
        {
            headers["x-api-key"] = Environment.GetEnvironmentVariable("ANTHROPIC_API_KEY") ?? "";
        }

        Console.WriteLine(string.Join(",", headers.Keys));

        """;

    public const string FlaggedComparison = "provider == ApiProvider.FirstParty";

    public const string FixedComparison = "provider.AuthTransport().IsFirstParty";

    /// <summary>1-based line of <see cref="FlaggedComparison"/> in <see cref="AuditedProgram"/>.</summary>
    public static int FlaggedLine { get; } =
        AuditedProgram.Split('\n').Select((text, index) => (text, index)).Single(l => l.text.Contains(FlaggedComparison, StringComparison.Ordinal)).index + 1;

    public static string FixedProgram { get; } = AuditedProgram.Replace(FlaggedComparison, FixedComparison, StringComparison.Ordinal);

    /// <summary>The C# block under README's "Runtime quick start" heading, compiled by a consumer build.</summary>
    public static string ReadmeQuickStart { get; } = ReadQuickStart();

    private ConsumerProject(string directory) => Directory = directory;

    public string Directory { get; }

    public string ProgramPath => Path.Combine(Directory, "Program.cs");

    /// <summary>Creates <paramref name="name"/> under the package's work folder (a fresh folder per scenario,
    /// so no build is skipped as up to date), referencing <paramref name="packageId"/>.</summary>
    public static ConsumerProject Create(
        PackedPackage package,
        string name,
        string program,
        string extraProperties = "",
        string? editorConfig = null,
        IReadOnlyDictionary<string, string>? extraSources = null,
        string packageId = PackedPackage.AuditPackageId)
    {
        var root = EnsureConsumersRoot(package);
        var directory = Path.Combine(root, name);
        System.IO.Directory.CreateDirectory(directory);
        File.WriteAllText(Path.Combine(directory, "Consumer.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <OutputType>Exe</OutputType>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
                <ImplicitUsings>enable</ImplicitUsings>
                {extraProperties}
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="{packageId}" Version="{package.Version}" />
              </ItemGroup>
            </Project>
            """);
        File.WriteAllText(Path.Combine(directory, "Program.cs"), program);
        foreach (var (fileName, source) in extraSources ?? new Dictionary<string, string>())
        {
            File.WriteAllText(Path.Combine(directory, fileName), source);
        }

        if (editorConfig is not null)
        {
            File.WriteAllText(Path.Combine(directory, ".editorconfig"), editorConfig);
        }

        return new ConsumerProject(directory);
    }

    public DotnetResult Build(params string[] arguments) =>
        DotnetCli.Run(Directory, ["build", Directory, .. arguments]);

    private static string ReadQuickStart()
    {
        var readme = File.ReadAllText(RepositoryRoot.Combine("README.md"));
        var section = readme.IndexOf("### Runtime quick start", StringComparison.Ordinal);
        Assert.True(section >= 0, "README.md has no \"### Runtime quick start\" section.");
        var start = readme.IndexOf("```csharp\n", section, StringComparison.Ordinal) + "```csharp\n".Length;
        var end = readme.IndexOf("```", start, StringComparison.Ordinal);
        return readme[start..end];
    }

    /// <summary>The folder consumers live in: MSBuild and NuGet see nothing above it, and ProviderAudit comes from the packed package.</summary>
    internal static string EnsureConsumersRoot(PackedPackage package)
    {
        var root = Path.Combine(package.WorkDirectory, "consumers");
        if (System.IO.Directory.Exists(root))
        {
            return root;
        }

        System.IO.Directory.CreateDirectory(root);
        // Stop MSBuild and NuGet from picking up anything above the temp folder.
        foreach (var file in new[] { "Directory.Build.props", "Directory.Build.targets", "Directory.Packages.props" })
        {
            File.WriteAllText(Path.Combine(root, file), "<Project />\n");
        }

        File.WriteAllText(Path.Combine(root, ".editorconfig"), "root = true\n");
        File.WriteAllText(Path.Combine(root, "nuget.config"), LocalFeedNuGetConfig.Text(package.FeedDirectory, Path.Combine(package.WorkDirectory, "packages")));
        return root;
    }
}
