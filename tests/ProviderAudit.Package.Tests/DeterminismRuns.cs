namespace ProviderAudit.Package.Tests;

/// <summary>
/// Issue 15's determinism check, end to end: one project whose PA0001 findings mix ambiguous checks (two, in one file),
/// fixable model-id and auth checks and an unfixable one, copied fresh for each run. <c>dotnet format analyzers
/// --diagnostics PA0001</c> runs <see cref="FormatRuns"/> times (it starts Fix All from whichever finding it meets first,
/// with no equivalence key); <c>provider-audit fix</c> runs once. Every run must write the same bytes.
/// </summary>
public sealed class DeterminismRuns
{
    public const int FormatRuns = 5;

    public const string FixedAmbiguousCheck = "provider.ModelIdFormat().IsFirstParty";

    public const string Program = """
        using ProviderAudit.Runtime;

        var provider = args.Length > 0 ? Enum.Parse<ApiProvider>(args[0]) : ApiProvider.ClaudePlatformAws;
        var counters = new Dictionary<string, int>();

        // Unfixable: compares the underlying value.
        if ((int)provider == 0)
        {
            Console.WriteLine("numbered first");
        }

        // Ambiguous: the guarded code names neither model ids nor auth.
        if (provider == ApiProvider.FirstParty)
        {
            counters["first"] = 1;
        }

        // Model ids.
        var model = provider == ApiProvider.FirstParty ? "claude-sonnet-4-6" : "anthropic.claude-sonnet-4-6-v1:0";

        // Auth.
        var headers = new Dictionary<string, string>();
        if (provider == ApiProvider.FirstParty)
        {
            headers["x-api-key"] = Environment.GetEnvironmentVariable("ANTHROPIC_API_KEY") ?? "";
        }

        // Ambiguous again.
        if (provider != ApiProvider.FirstParty)
        {
            counters["other"] = 2;
        }

        Console.WriteLine($"{model} {headers.Count} {counters.Count}");

        """;

    public DeterminismRuns(PackedPackage package)
    {
        package.AssertPacked();
        var root = Path.Combine(ConsumerProject.EnsureConsumersRoot(package), "determinism");
        Directory.CreateDirectory(root);

        // Each run on its own fresh copy; two at a time, as a busy CI machine would interleave them.
        var formats = new DotnetResult[FormatRuns];
        var formatted = new string[FormatRuns];
        Parallel.For(0, FormatRuns, new ParallelOptions { MaxDegreeOfParallelism = 2 }, i =>
        {
            var copy = ConsumerProject.Create(package, Path.Combine("determinism", $"format-{i}"), Program);
            formats[i] = DotnetCli.Run(copy.Directory, "format", "analyzers", copy.Directory, "--diagnostics", "PA0001", "--severity", "warn");
            formatted[i] = File.ReadAllText(copy.ProgramPath);
        });
        Formats = formats;
        Formatted = formatted;

        var tool = package.Tool;
        var toolCopy = ConsumerProject.Create(package, Path.Combine("determinism", "tool"), Program);
        ToolRestore = DotnetCli.Run(toolCopy.Directory, "restore", toolCopy.Directory);
        if (ToolRestore.Succeeded && tool.Setup.Succeeded)
        {
            ToolFix = tool.Run(toolCopy.Directory, "fix", Path.Combine(toolCopy.Directory, "Consumer.csproj"));
            ToolFixed = File.ReadAllText(toolCopy.ProgramPath);
        }
    }

    /// <summary>Each <c>dotnet format</c> run, in the order started.</summary>
    public IReadOnlyList<DotnetResult> Formats { get; }

    /// <summary>Program.cs after each <c>dotnet format</c> run.</summary>
    public IReadOnlyList<string> Formatted { get; }

    public DotnetResult ToolRestore { get; }

    public DotnetResult? ToolFix { get; }

    /// <summary>Program.cs after <c>provider-audit fix</c>.</summary>
    public string? ToolFixed { get; }
}
