using System.CommandLine;

namespace ProviderAudit.Cli.Commands;

/// <summary>The <c>provider-audit</c> command line: audit, fix, baseline. A parse error exits 2 (usage).</summary>
internal static class ToolCommandLine
{
    public static async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr)
    {
        var root = new RootCommand("provider-audit: runs the ProviderAudit analyzer (PA0001…) and its code fixes over a solution or project, for CI gates and code review. Exit codes: 0 nothing to fail on, 1 findings (per --fail-on) or a fix not written, 2 usage, 3 load failure.");
        root.Subcommands.Add(AuditCommand.Create(stdout, stderr));
        root.Subcommands.Add(FixCommand.Create(stdout, stderr));
        root.Subcommands.Add(BaselineCommand.Create(stdout, stderr));

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

        return await parse.InvokeAsync(new InvocationConfiguration { Output = stdout, Error = stderr }).ConfigureAwait(false);
    }
}
