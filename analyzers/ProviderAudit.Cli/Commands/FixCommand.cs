using System.CommandLine;
using ProviderAudit.Cli.Analysis;
using ProviderAudit.Cli.Fixing;

namespace ProviderAudit.Cli.Commands;

/// <summary><c>provider-audit fix PATH</c>: applies the shipped fixes (Fix All per document), or shows them as a diff.</summary>
internal static class FixCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr, Interruption interruption)
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

        // Test hook, hidden from --help: behave as if Ctrl-C came right after the Nth file was written.
        var cancelAfterWrites = new Option<int?>("--test-cancel-after-writes") { Hidden = true };

        var command = new Command("fix", "Apply the ProviderAudit code fixes; a file whose fixed version would not compile is not written.");
        common.AddTo(command);
        command.Options.Add(ambiguous);
        command.Options.Add(dryRun);
        command.Options.Add(cancelAfterWrites);

        command.SetAction((parse, cancellationToken) => AuditPipeline.RunAsync(stderr, parse.GetValue(common.Quiet), interruption, async log =>
        {
            var policy = AmbiguousPolicies.Parse(parse.GetValue(ambiguous)!);
            var analyzed = await AuditPipeline.LoadAndAnalyzeAsync(
                parse.GetValue(common.Path)!, CommonOptions.ParseSeverity(parse.GetValue(common.Severity)!), log, cancellationToken).ConfigureAwait(false);
            var fixer = new SolutionFixer(analyzed.Rules, analyzed.Loaded.Input, policy, log);
            var analysis = new SolutionAnalysis(analyzed.Rules, CommonOptions.ParseSeverity(parse.GetValue(common.Severity)!), log);
            var outcome = await log.TimeAsync("fix", () => fixer.FixAsync(
                analyzed.Loaded.Solution,
                analyzed.Diagnostics,
                (solution, projects, token) => analysis.RunAsync(analyzed.Loaded with { Solution = solution, Projects = projects }, token),
                cancellationToken)).ConfigureAwait(false);

            var isDryRun = parse.GetValue(dryRun);
            var written = outcome.Fixed;
            var notWritten = (IReadOnlyList<FixedFile>)[];
            if (isDryRun)
            {
                if (outcome.Fixed.FirstOrDefault(f => !analyzed.Loaded.Input.IsUnderRoot(f.FullPath)) is { } outside)
                {
                    throw new UsageException(
                        $"--dry-run: '{outside.FullPath}' is outside '{analyzed.Loaded.Input.Root}', the folder the patch is relative to (the git work tree, or the working directory outside git); run provider-audit from a folder that holds every project (e.g. the solution's folder).");
                }

                var diff = new StringWriter { NewLine = "\n" };
                foreach (var file in outcome.Fixed)
                {
                    UnifiedDiff.Write(diff, file);
                }

                stdout.Write(diff.ToString());
            }
            else
            {
                var writer = new SourceFileWriter(f => f.File) { CancelAfterWrites = parse.GetValue(cancelAfterWrites) };
                var summary = await log.TimeAsync("write", () => Task.FromResult(writer.Write(outcome.Fixed, interruption.Source))).ConfigureAwait(false);
                written = summary.Written;
                notWritten = summary.NotWritten;
            }

            Report(isDryRun ? log.Info : stdout.WriteLine, outcome with { Fixed = written }, analyzed.Diagnostics.Count, isDryRun, notWritten.Sum(f => f.Findings));
            foreach (var rejected in outcome.Rejected)
            {
                log.Error($"not written: {rejected.File} ({rejected.Findings} finding(s)): its fixed version does not compile:");
                foreach (var error in rejected.Errors)
                {
                    log.Error("  " + error);
                }
            }

            if (notWritten.Count > 0)
            {
                log.Error($"interrupted: {notWritten.Count} file(s) not written, each left exactly as it was; the {written.Count} written are complete. Run `provider-audit fix` again for the rest:");
                foreach (var file in notWritten)
                {
                    log.Error($"  {file.File} ({file.Findings})");
                }

                return interruption.ExitCode;
            }

            return outcome.Rejected.Count > 0 ? ExitCodes.Findings : ExitCodes.Success;
        }));
        return command;
    }

    private static void Report(Action<string> write, FixOutcome outcome, int findings, bool dryRun, int notWrittenFindings)
    {
        var verb = dryRun ? "would fix" : "fixed";
        var fixedFindings = outcome.Fixed.Sum(f => f.Findings);
        write($"{verb} {fixedFindings} of {findings} finding(s) in {outcome.Fixed.Count} file(s)");
        foreach (var file in outcome.Fixed)
        {
            write($"  {file.File} ({file.Findings})");
        }

        var left = findings - fixedFindings - outcome.Rejected.Sum(r => r.Findings) - notWrittenFindings;
        if (left > 0)
        {
            write($"{left} finding(s) have no automatic fix here (ambiguous with --ambiguous skip, or no fix offered): see `provider-audit audit`.");
        }
    }
}
