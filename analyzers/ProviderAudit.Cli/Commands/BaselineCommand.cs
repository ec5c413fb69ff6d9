using System.CommandLine;
using ProviderAudit.Cli.Analysis;
using ProviderAudit.Cli.Baselines;
using ProviderAudit.Cli.Files;

namespace ProviderAudit.Cli.Commands;

/// <summary><c>provider-audit baseline PATH -o FILE</c>: records today's findings so a gate can start with "no new ones".</summary>
internal static class BaselineCommand
{
    public const string DefaultFile = "provider-audit.baseline.json";

    public static Command Create(TextWriter stdout, TextWriter stderr, Interruption interruption)
    {
        var common = new CommonOptions();
        var output = new Option<string>("--output", "-o")
        {
            Description = $"The baseline file to write (default {DefaultFile}). Commit it; `audit --baseline FILE` reads it.",
            DefaultValueFactory = _ => DefaultFile,
        };

        var command = new Command("baseline", "Record the current findings (by file, member and expression, not line) for `audit --baseline`.");
        common.AddTo(command);
        command.Options.Add(output);

        command.SetAction((parse, cancellationToken) => AuditPipeline.RunAsync(stderr, parse.GetValue(common.Quiet), interruption, async log =>
        {
            var file = OutputFile.Check("--output", parse.GetValue(output)!);
            var analyzed = await AuditPipeline.LoadAndAnalyzeAsync(
                parse.GetValue(common.Path)!, CommonOptions.ParseSeverity(parse.GetValue(common.Severity)!), log, cancellationToken).ConfigureAwait(false);
            var findings = await new FindingBuilder(analyzed.Loaded, fixes: null).BuildAsync(analyzed.Diagnostics, cancellationToken).ConfigureAwait(false);
            file.Write(Baseline.Of(findings).ToJson());
            stdout.WriteLine($"recorded {findings.Count} finding(s) in {file.Path}");
            return ExitCodes.Success;
        }));
        return command;
    }
}
