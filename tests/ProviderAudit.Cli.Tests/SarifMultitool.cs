using System.Runtime.Versioning;
using System.Text.Json;

namespace ProviderAudit.Cli.Tests;

/// <summary>One problem Microsoft's SARIF validator reported.</summary>
public sealed record SarifProblem(string RuleId, string Level, string Message)
{
    public override string ToString() => $"{Level} {RuleId}: {Message}";
}

/// <summary>
/// Microsoft's SARIF validator (<c>Sarif.Multitool validate</c>), from npm's <c>@microsoft/sarif-multitool</c> (its Linux
/// binary comes in <c>@microsoft/sarif-multitool-linux</c>), installed by the tests themselves into a cache folder under
/// the temp folder on first use. Rule kinds: <c>Sarif</c> (the specification), <c>Gh</c> (GitHub Advanced Security),
/// <c>Ado</c> (GitHub Advanced Security for Azure DevOps). Needs Node.js and npm; without them the tests fail and say so.
/// </summary>
public sealed class SarifMultitool
{
    public const string Package = "@microsoft/sarif-multitool";

    public const string Version = "5.7.0";

    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(5);

    private static readonly Lazy<SarifMultitool> Installed = new(Install);

    private SarifMultitool(string executable) => Executable = executable;

    public static SarifMultitool Instance => Installed.Value;

    public string Executable { get; }

    /// <summary>The errors and warnings of <c>validate --rule-kind KIND</c> on <paramref name="sarifFile"/>.</summary>
    public IReadOnlyList<SarifProblem> Validate(string sarifFile, string ruleKind)
    {
        var output = Path.Combine(Path.GetTempPath(), $"provider-audit-sarif-validation-{Guid.NewGuid():N}.sarif");
        try
        {
            var run = DotnetCli.RunProgram(Executable, Path.GetDirectoryName(sarifFile)!, Timeout, "validate", sarifFile, "--rule-kind", ruleKind, "--output", output, "--log", "ForceOverwrite");
            Assert.True(run.Succeeded && File.Exists(output), run.ToString());
            using var log = JsonDocument.Parse(File.ReadAllText(output));
            return log.RootElement.GetProperty("runs").EnumerateArray()
                .SelectMany(r => r.TryGetProperty("results", out var results) ? results.EnumerateArray() : Enumerable.Empty<JsonElement>())
                .Select(r => new SarifProblem(
                    r.GetProperty("ruleId").GetString()!,
                    r.TryGetProperty("level", out var level) ? level.GetString()! : "warning",
                    r.GetProperty("message").TryGetProperty("text", out var text) ? text.GetString()! : r.GetProperty("message").ToString()))
                .ToList();
        }
        finally
        {
            File.Delete(output);
        }
    }

    public IReadOnlyList<SarifProblem> Errors(string sarifFile, string ruleKind) =>
        Validate(sarifFile, ruleKind).Where(p => p.Level == "error").ToList();

    private static SarifMultitool Install()
    {
        var cache = Path.Combine(Path.GetTempPath(), "provider-audit-test-tools", $"sarif-multitool-{Version}");
        if (!File.Exists(Path.Combine(cache, "executable.txt")))
        {
            var npm = TryRun("npm", Path.GetTempPath(), "--version");
            var node = TryRun("node", Path.GetTempPath(), "--version");
            if (npm is not { Succeeded: true } || node is not { Succeeded: true })
            {
                Assert.Fail(
                    "The SARIF validation tests need Node.js and npm (they install Microsoft's SARIF validator, npm package "
                    + $"{Package} {Version}): install them (Debian/Ubuntu: `apt-get install nodejs npm`; or from https://nodejs.org) "
                    + "and run the tests again.");
            }

            var staging = cache + ".staging-" + Guid.NewGuid().ToString("N");
            Directory.CreateDirectory(staging);
            var install = DotnetCli.RunProgram("npm", staging, Timeout, "install", "--prefix", staging, "--no-audit", "--no-fund", "--no-save", $"{Package}@{Version}");
            Assert.True(install.Succeeded, install.ToString());
            var resolve = DotnetCli.RunProgram("node", staging, Timeout, "-e", $"process.stdout.write(require('{Package}'))");
            Assert.True(resolve.Succeeded, resolve.ToString());
            var executable = resolve.StandardOutput.Trim();
            Assert.True(File.Exists(executable), $"{Package} resolved to '{executable}', which does not exist: is there a binary package for this platform?");
            File.WriteAllText(Path.Combine(staging, "executable.txt"), Path.GetRelativePath(staging, executable));
            try
            {
                Directory.Move(staging, cache);
            }
            catch (IOException)
            {
                // Another test run installed it at the same time: use that one.
                Directory.Delete(staging, recursive: true);
            }
        }

        var path = Path.GetFullPath(Path.Combine(cache, File.ReadAllText(Path.Combine(cache, "executable.txt")).Trim()));
        if (!OperatingSystem.IsWindows())
        {
            MakeExecutable(path);
        }

        return new SarifMultitool(path);
    }

    // npm may skip the package's postinstall script (which only marks the binary executable).
    [UnsupportedOSPlatform("windows")]
    private static void MakeExecutable(string path) =>
        File.SetUnixFileMode(path, File.GetUnixFileMode(path) | UnixFileMode.UserExecute | UnixFileMode.UserRead);

    private static DotnetResult? TryRun(string program, string directory, params string[] arguments)
    {
        try
        {
            return DotnetCli.RunProgram(program, directory, TimeSpan.FromMinutes(1), arguments);
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null;
        }
    }
}
