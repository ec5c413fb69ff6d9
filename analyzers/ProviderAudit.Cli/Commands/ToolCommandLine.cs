using System.CommandLine;
using ProviderAudit.Analyzers;

namespace ProviderAudit.Cli.Commands;

/// <summary>The <c>provider-audit</c> command line: audit, fix, baseline. A parse error exits 2 (usage).</summary>
internal static class ToolCommandLine
{
    public const string ExitCodeSummary =
        "Exit codes: 0 nothing to fail on, 1 findings (per --fail-on) or a fix not written, 2 usage (incl. an unwritable --output), 3 load failure, 4 a source file fix cannot write, 130 interrupted (Ctrl-C; 143 SIGTERM).";

    public static async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr)
    {
        using var interruption = new Interruption();
        var root = new RootCommand($"provider-audit: runs the ProviderAudit analyzer ({DiagnosticContract.FirstPartyComparisonId}…) and its code fixes over a solution (.sln, .slnx, .slnf) or C# project, for CI gates and code review. " + ExitCodeSummary);
        root.Subcommands.Add(AuditCommand.Create(stdout, stderr, interruption));
        root.Subcommands.Add(FixCommand.Create(stdout, stderr, interruption));
        root.Subcommands.Add(BaselineCommand.Create(stdout, stderr, interruption));

        var parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            foreach (var error in parse.Errors)
            {
                await stderr.WriteLineAsync("error: " + error.Message).ConfigureAwait(false);
            }

            await stderr.WriteLineAsync("Run `provider-audit --help` (or `provider-audit COMMAND --help`) for usage.").ConfigureAwait(false);
            return ExitCodes.Usage;
        }

        // No ProcessTerminationTimeout: Interruption handles the signals, so a write is never cut off midway.
        var configuration = new InvocationConfiguration { Output = stdout, Error = stderr, ProcessTerminationTimeout = null };
        return await parse.InvokeAsync(configuration, interruption.Token).ConfigureAwait(false);
    }
}
