namespace ProviderAudit.Package.Tests;

/// <summary>
/// A consumer (net10.0, so C# 14) whose findings mix a check with no fix and checks with one, taken through README's
/// commands: build, <c>dotnet format analyzers … --diagnostics PA0001</c>, build again.
/// </summary>
public sealed class MixedFindingsConsumer
{
    public const string UnderlyingValueCheck = "(int)provider == 0";

    /// <summary>Under C# 14 / .NET 10 this binds to MemoryExtensions.Contains(ReadOnlySpan, value, comparer = null).</summary>
    public const string MembershipCheck = "new[] { ApiProvider.FirstParty, ApiProvider.Vertex }.Contains(provider)";

    public const string ComparisonCheck = "provider == ApiProvider.FirstParty";

    public const string FixedMembership = "provider.ModelIdFormat().IsFirstParty || new[] { ApiProvider.Vertex }.Contains(provider)";

    public const string FixedComparison = "provider.AuthTransport().IsFirstParty";

    /// <summary>The unfixable check comes first, so a run that starts from the first finding starts without a fix.</summary>
    public const string Program = """
        using ProviderAudit.Runtime;

        var provider = args.Length > 0 ? Enum.Parse<ApiProvider>(args[0]) : ApiProvider.ClaudePlatformAws;
        if ((int)provider == 0)
        {
            Console.WriteLine("numbered first");
        }

        if (new[] { ApiProvider.FirstParty, ApiProvider.Vertex }.Contains(provider))
        {
            Console.WriteLine("claude-sonnet-4-6");
        }

        var headers = new Dictionary<string, string>();
        if (provider == ApiProvider.FirstParty)
        {
            headers["x-api-key"] = Environment.GetEnvironmentVariable("ANTHROPIC_API_KEY") ?? "";
        }

        Console.WriteLine(headers.Count);

        """;

    public MixedFindingsConsumer(PackedPackage package)
    {
        package.AssertPacked();
        Project = ConsumerProject.Create(package, "mixed-findings", Program);
        Before = new ConsumerBuild(Project, Project.Build());
        if (!Before.Result.Succeeded)
        {
            return;
        }

        Format = DotnetCli.Run(Project.Directory, "format", "analyzers", Project.Directory, "--diagnostics", "PA0001", "--severity", "warn");
        After = new ConsumerBuild(Project, Project.Build("--no-incremental"));
        FixedProgram = File.ReadAllText(Project.ProgramPath);
    }

    public ConsumerProject Project { get; }

    public ConsumerBuild Before { get; }

    public DotnetResult? Format { get; }

    public ConsumerBuild? After { get; }

    public string FixedProgram { get; } = "";

    public static int LineOf(string check) =>
        Program.Split('\n').Select((text, index) => (text, index)).Single(line => line.text.Contains(check, StringComparison.Ordinal)).index + 1;
}
