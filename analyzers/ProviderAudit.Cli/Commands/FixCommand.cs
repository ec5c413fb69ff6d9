using System.CommandLine;
using System.Text;
using ProviderAudit.Cli.Fixing;

namespace ProviderAudit.Cli.Commands;

/// <summary><c>provider-audit fix PATH</c>: applies the shipped fixes (Fix All per document), or shows them as a diff.</summary>
internal static class FixCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var common = new CommonOptions();
        var ambiguous = new Option<string>("--ambiguous")
        {
            Description = "Sites whose concern is ambiguous: model-id (rewrite to ModelIdFormat(), the default, as `dotnet format` does), auth-transport, or skip (leave them for review).",
            DefaultValueFactory = _ => "model-id",
        };
        ambiguous.AcceptOnlyFromAmong(AmbiguousPolicies.Names);
        var dryRun = new Option<bool>("--dry-run")
        {
            Description = "Change nothing: print the fixes as a unified diff (apply it with `git apply` from the audit root: the git work tree, or the folder of PATH).",
        };

        var command = new Command("fix", "Apply the ProviderAudit code fixes; a file whose fixed version would not compile is not written.");
        common.AddTo(command);
        command.Options.Add(ambiguous);
        command.Options.Add(dryRun);

        command.SetAction((parse, cancellationToken) => AuditPipeline.RunAsync(stderr, parse.GetValue(common.Quiet), async log =>
        {
            var policy = AmbiguousPolicies.Parse(parse.GetValue(ambiguous)!);
            var analyzed = await AuditPipeline.LoadAndAnalyzeAsync(
                parse.GetValue(common.Path)!, CommonOptions.ParseSeverity(parse.GetValue(common.Severity)!), log, cancellationToken).ConfigureAwait(false);
            var fixer = new SolutionFixer(analyzed.Rules, analyzed.Loaded.Input, policy, log);
            var outcome = await log.TimeAsync("fix", () => fixer.FixAsync(analyzed.Loaded.Solution, analyzed.Diagnostics, cancellationToken)).ConfigureAwait(false);

            var isDryRun = parse.GetValue(dryRun);
            if (isDryRun)
            {
                var diff = new StringWriter { NewLine = "\n" };
                foreach (var file in outcome.Fixed)
                {
                    UnifiedDiff.Write(diff, file);
                }

                stdout.Write(diff.ToString());
            }
            else
            {
                await log.TimeAsync("write", () => WriteAsync(outcome, cancellationToken)).ConfigureAwait(false);
            }

            Report(isDryRun ? log.Info : stdout.WriteLine, outcome, analyzed.Diagnostics.Count, isDryRun);
            foreach (var rejected in outcome.Rejected)
            {
                log.Error($"not written: {rejected.File} ({rejected.Findings} finding(s)): its fixed version does not compile:");
                foreach (var error in rejected.Errors)
                {
                    log.Error("  " + error);
                }
            }

            return outcome.Rejected.Count > 0 ? ExitCodes.Findings : ExitCodes.Success;
        }));
        return command;
    }

    private static void Report(Action<string> write, FixOutcome outcome, int findings, bool dryRun)
    {
        var verb = dryRun ? "would fix" : "fixed";
        var fixedFindings = outcome.Fixed.Sum(f => f.Findings);
        write($"{verb} {fixedFindings} of {findings} finding(s) in {outcome.Fixed.Count} file(s)");
        foreach (var file in outcome.Fixed)
        {
            write($"  {file.File} ({file.Findings})");
        }

        var left = findings - fixedFindings - outcome.Rejected.Sum(r => r.Findings);
        if (left > 0)
        {
            write($"{left} finding(s) have no automatic fix here (ambiguous with --ambiguous skip, or no fix offered): see `provider-audit audit`.");
        }
    }

    private static async Task<int> WriteAsync(FixOutcome outcome, CancellationToken cancellationToken)
    {
        foreach (var file in outcome.Fixed)
        {
            // The file's own encoding (BOM or not), as the IDE and `dotnet format` write it.
            var encoding = file.Before.Encoding ?? new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);
            Directory.CreateDirectory(Path.GetDirectoryName(file.FullPath)!);
            await using var writer = new StreamWriter(file.FullPath, append: false, encoding);
            file.After.Write(writer, cancellationToken);
        }

        return outcome.Fixed.Count;
    }
}
