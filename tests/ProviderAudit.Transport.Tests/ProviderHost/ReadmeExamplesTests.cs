using System.Text.RegularExpressions;
using ProviderAudit.GatewayEmulator;
using ProviderAudit.Transport.Tests.Emulator;
using ProviderAudit.Transport.Tests.Support;
using ProviderHost;

namespace ProviderAudit.Transport.Tests.Transport;

/// <summary>
/// README's "Models offered, pins and availability" examples are what ProviderHost prints, run as README describes them
/// (the emulator with its arguments, the environment it names, the commands in order, each a new process sharing the
/// disk cache): a change to the output fails here until README shows it.
/// </summary>
public sealed partial class ReadmeExamplesTests : IDisposable
{
    private const string Section = "## Models offered, pins and availability";

    private readonly TemporaryDirectory _home = new("tx");

    public void Dispose() => _home.Dispose();

    [GeneratedRegex(@"```text\n\$ ProviderHost (?<command>[^\n#]*?)\s*(?:#\s*exit (?<exit>\d+)[^\n]*)?\n(?<output>.*?)```", RegexOptions.Singleline)]
    private static partial Regex Example();

    private static string Readme()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "ProviderAudit.sln")))
        {
            dir = dir.Parent;
        }

        var text = File.ReadAllText(Path.Combine(dir!.FullName, "README.md")).ReplaceLineEndings("\n");
        var start = text.IndexOf(Section, StringComparison.Ordinal);
        Assert.True(start >= 0, $"README.md has no '{Section}' section.");
        var end = text.IndexOf("\n## ", start + Section.Length, StringComparison.Ordinal);
        return end < 0 ? text[start..] : text[start..end];
    }

    [Fact]
    public async Task The_models_status_and_ask_examples_are_what_ProviderHost_prints()
    {
        var examples = Example().Matches(Readme()).ToArray();
        Assert.Equal(["models", "status", "ask Hi --model claude-opus-4-5"], examples.Select(e => e.Groups["command"].Value));
        // As README starts it: --region us-west-2 --workspace wrkspc_01Example --models … --model-page-size 2.
        await using var emulator = await CpaGatewayEmulator.StartAsync(new GatewayEmulatorOptions
        {
            Region = "us-west-2",
            WorkspaceId = "wrkspc_01Example",
            AccessKeys = new Dictionary<string, string> { ["AKIAEXAMPLE0000001"] = "example-secret" },
            Models = ["claude-opus-5-5", "claude-sonnet-4-6", "claude-haiku-4-5-20251001"],
            ModelPageSize = 2,
        });
        var env = TestEnvironment.Isolated(_home.Path,
            ("ANTHROPIC_AWS_WORKSPACE_ID", "wrkspc_01Example"), ("AWS_REGION", "us-west-2"), ("ANTHROPIC_AWS_BASE_URL", emulator.Url()),
            ("AWS_ACCESS_KEY_ID", "AKIAEXAMPLE0000001"), ("AWS_SECRET_ACCESS_KEY", "example-secret"),
            ("ANTHROPIC_MODEL", "opus"), ("ANTHROPIC_DEFAULT_OPUS_MODEL", "us.anthropic.claude-opus-4-5-20251101-v1:0"));

        foreach (var example in examples)
        {
            var stdout = new StringWriter();
            var stderr = new StringWriter();
            var options = new RuntimeStatusOptions
            {
                Models = new LiveModelCatalog(new LiveModelCatalogOptions { CacheDirectory = LiveModelCatalog.DefaultCacheDirectory(env) }),
            };

            var exit = ProviderHostCli.Run(example.Groups["command"].Value.Split(' '), env, stdout, stderr, statusOptions: options);

            var printed = (stdout.ToString() + stderr.ToString()).ReplaceLineEndings("\n").Replace(emulator.BaseUri.Port.ToString(System.Globalization.CultureInfo.InvariantCulture), "PORT", StringComparison.Ordinal);
            Assert.Equal(example.Groups["output"].Value, printed);
            Assert.Equal(example.Groups["exit"].Success ? int.Parse(example.Groups["exit"].Value, System.Globalization.CultureInfo.InvariantCulture) : 0, exit);
        }

        // "The list was asked once (two pages) …; status and the ask above read the cache and sent nothing."
        Assert.Equal(2, emulator.ModelListRequests.Count);
        Assert.Equal(2, emulator.Requests.Count);
    }
}
