namespace ProviderAudit.Cli.Tests;

/// <summary>
/// A project where one fix cannot compile: its own provider enum (configured with
/// <c>provider_audit.additional_provider_types</c>) has capability methods of the right names that return strings, so
/// the rewrite <c>backend.ModelIdFormat().IsFirstParty</c> is CS1061. Another file's fix (on a stand-in
/// <c>ProviderAudit.Runtime.ApiProvider</c> with working capabilities) compiles. Built, then <c>provider-audit fix</c>.
/// </summary>
public sealed class RejectedFixScenario : IDisposable
{
    public const string BrokenFile = "Backend.cs";

    public const string GoodFile = "Headers.cs";

    public static readonly string BrokenSource = """
        namespace Acme;

        public enum Backend { FirstParty, Cloud }

        // The right names, the wrong shape: these return a name, not a capability with IsFirstParty.
        public static class BackendCapabilities
        {
            public static string ModelIdFormat(this Backend backend) => backend.ToString();

            public static string AuthTransport(this Backend backend) => backend.ToString();
        }

        public static class Routing
        {
            public static string ModelFor(Backend backend) =>
                backend == Backend.FirstParty ? "claude-sonnet-4-6" : "anthropic.claude-sonnet-4-6-v1:0";
        }

        """;

    public static readonly string GoodSource = """
        using ProviderAudit.Runtime;

        namespace Acme;

        public static class Headers
        {
            public static string? ApiKeyHeader(ApiProvider provider) => provider == ApiProvider.FirstParty ? "x-api-key" : null;
        }

        """;

    private readonly TemporaryDirectory _project = new("cli-rejected-fix");

    public RejectedFixScenario(InstalledTool tool)
    {
        StandInProject.WriteSkeleton(_project.Path, "Rejected.csproj", "root = true\n\n[*.cs]\nprovider_audit.additional_provider_types = Acme.Backend\n");
        Write(BrokenFile, BrokenSource);
        Write(GoodFile, GoodSource);

        Build = DotnetCli.Run(_project.Path, "build");
        if (Build.Succeeded)
        {
            Fix = tool.Run(_project.Path, "fix", ".");
        }
    }

    public DotnetResult Build { get; }

    public DotnetResult? Fix { get; }

    public string Read(string file) => File.ReadAllText(_project.Combine(file));

    public void Dispose() => _project.Dispose();

    private void Write(string file, string text) => File.WriteAllText(_project.Combine(file), text.ReplaceLineEndings("\n"));
}
