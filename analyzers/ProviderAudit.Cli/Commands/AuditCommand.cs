using System.CommandLine;
using ProviderAudit.Cli.Analysis;
using ProviderAudit.Cli.Baselines;
using ProviderAudit.Cli.Files;
using ProviderAudit.Cli.Fixing;
using ProviderAudit.Cli.Reports;

namespace ProviderAudit.Cli.Commands;

/// <summary><c>provider-audit audit PATH</c>: every finding, the exact replacement its fix would make, in one format.</summary>
internal static class AuditCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr, Interruption interruption)
    {
        var common = new CommonOptions();
        var format = new Option<string>("--format", "-f")
        {
            Description = "text (compiler-style lines), json (docs/cli.md#json), sarif (SARIF 2.1.0 with fixes, for code scanning), markdown (one pull-request comment) or github-review (the JSON body of GitHub's create-a-review call: line comments with one-click suggestions).",
            DefaultValueFactory = _ => "text",
        };
        format.AcceptOnlyFromAmong(Formats);
        var output = new Option<string?>("--output", "-o") { Description = "Write the report to FILE instead of stdout." };
        var reports = new Option<string[]>("--report")
        {
            Description = "Also write a report in another format, as FORMAT:FILE (e.g. --report sarif:audit.sarif --report markdown:comment.md); repeatable. One run then feeds the gate, the SARIF upload and the pull-request comment.",
        };
        var baseline = new Option<string?>("--baseline") { Description = "A baseline from `provider-audit baseline`: findings in it are reported as baselined, and those gone from the code as gone." };
        var failOn = new Option<string?>("--fail-on")
        {
            Description = "Which findings make the exit code 1: any (default without --baseline), new (default with --baseline: only findings not in it) or none.",
        };
        failOn.AcceptOnlyFromAmong("any", "new", "none");
        var markdownLimit = new Option<int>("--markdown-limit")
        {
            Description = "With --format markdown: findings shown open before the rest are collapsed.",
            DefaultValueFactory = _ => MarkdownReport.DefaultOpenLimit,
        };
        NotNegative(markdownLimit);

        var category = new Option<string>("--category")
        {
            Description = "SARIF: the analysis's category (automationDetails.id), so code scanning keeps this run apart from other SARIF uploads; one per distinct run over the same repository (e.g. one per solution).",
            DefaultValueFactory = _ => AuditReport.DefaultCategory,
        };
        category.Validators.Add(r =>
        {
            if (string.IsNullOrWhiteSpace(r.GetValueOrDefault<string>()))
            {
                r.AddError("--category must not be empty (e.g. --category provider-audit/MyApp).");
            }
        });

        var maxComments = new Option<int>("--max-comments")
        {
            Description = "With github-review: at most this many line comments; the rest are listed in the review's body.",
            DefaultValueFactory = _ => GitHubReview.DefaultMaxComments,
        };
        NotNegative(maxComments);
        var diff = new Option<string?>("--diff")
        {
            Description = "With github-review: the pull request's unified diff (e.g. `git diff origin/main...HEAD > pr.diff`); findings on lines outside it go in the review's body, since GitHub rejects a review with a comment outside the diff.",
        };

        var command = new Command("audit", "Report every ProviderAudit finding with the exact replacement its fix would make.");
        common.AddTo(command);
        command.Options.Add(format);
        command.Options.Add(output);
        command.Options.Add(reports);
        command.Options.Add(baseline);
        command.Options.Add(failOn);
        command.Options.Add(markdownLimit);
        command.Options.Add(category);
        command.Options.Add(maxComments);
        command.Options.Add(diff);

        command.SetAction((parse, cancellationToken) => AuditPipeline.RunAsync(stderr, parse.GetValue(common.Quiet), interruption, async log =>
        {
            var baselineFile = parse.GetValue(baseline);
            var failOnValue = parse.GetValue(failOn) switch
            {
                "any" => FailOn.Any,
                "none" => FailOn.None,
                "new" => FailOn.New,
                _ => baselineFile is null ? FailOn.Any : FailOn.New,
            };
            if (failOnValue == FailOn.New && baselineFile is null)
            {
                throw new UsageException("--fail-on new needs --baseline FILE (record one with `provider-audit baseline PATH -o FILE`).");
            }

            // Every file this run will write is checked now, not after a long analysis.
            var outputFile = parse.GetValue(output) is { } outputPath ? OutputFile.Check("--output", outputPath) : null;
            var extraReports = (parse.GetValue(reports) ?? []).Select(ParseReport)
                .Select(r => (r.Format, File: OutputFile.Check($"--report {r.Format}:{r.File}", r.File)))
                .ToList();
            var diffLines = parse.GetValue(diff) is { } diffFile ? ReadDiff(diffFile) : null;
            var recorded = baselineFile is null ? null : Baseline.Read(baselineFile);
            var analyzed = await AuditPipeline.LoadAndAnalyzeAsync(
                parse.GetValue(common.Path)!, CommonOptions.ParseSeverity(parse.GetValue(common.Severity)!), log, cancellationToken).ConfigureAwait(false);
            var previewer = new FixPreviewer(analyzed.Rules, analyzed.Loaded.Input, log);
            var fixes = await log.TimeAsync("preview fixes", () => previewer.PreviewAsync(analyzed.Loaded.Solution, analyzed.Diagnostics, cancellationToken)).ConfigureAwait(false);
            var findings = await new FindingBuilder(analyzed.Loaded, fixes).BuildAsync(analyzed.Diagnostics, cancellationToken).ConfigureAwait(false);

            var report = new AuditReport(
                analyzed.Loaded.Input,
                analyzed.Loaded.Projects.Select(id => analyzed.Loaded.Solution.GetProject(id)!.Name).Distinct().ToList(),
                findings,
                analyzed.Rules.Descriptors,
                recorded is null ? null : new BaselineComparison(recorded, findings),
                failOnValue)
            {
                Category = parse.GetValue(category)!.TrimEnd('/'),
                Automation = AutomationDetails.For(parse.GetValue(category)!.TrimEnd('/'), EnvironmentVariables(), log.Error),
                LoadWarnings = analyzed.Loaded.Warnings,
            };

            AuditPipeline.WriteOutput(outputFile, stdout, Render(parse.GetValue(format)!, report, parse.GetValue(markdownLimit), parse.GetValue(maxComments), diffLines));
            foreach (var (extraFormat, file) in extraReports)
            {
                AuditPipeline.WriteOutput(file, stdout, Render(extraFormat, report, parse.GetValue(markdownLimit), parse.GetValue(maxComments), diffLines));
            }

            if (outputFile is not null || parse.GetValue(format) != "text")
            {
                log.Info(TextReport.Summary(report));
            }

            return report.Failing > 0 ? ExitCodes.Findings : ExitCodes.Success;
        }));
        return command;
    }

    private static Dictionary<string, string?> EnvironmentVariables() =>
        Environment.GetEnvironmentVariables().Cast<System.Collections.DictionaryEntry>()
            .ToDictionary(e => (string)e.Key, e => (string?)e.Value, StringComparer.Ordinal);

    /// <summary>A count option that takes 0 or more; a negative one is a usage error naming the option.</summary>
    private static void NotNegative(Option<int> option) => option.Validators.Add(r =>
    {
        if (r.GetValueOrDefault<int>() < 0)
        {
            r.AddError($"{option.Name} must be 0 or more.");
        }
    });

    private static readonly string[] Formats = ["text", "json", "sarif", "markdown", "github-review"];

    private static DiffLines ReadDiff(string file)
    {
        try
        {
            return DiffLines.Parse(File.ReadAllText(file));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new UsageException($"--diff '{file}' cannot be read: {e.Message}");
        }
    }

    private static (string Format, string File) ParseReport(string value)
    {
        var colon = value.IndexOf(':', StringComparison.Ordinal);
        var reportFormat = colon > 0 ? value[..colon] : "";
        if (!Formats.Contains(reportFormat, StringComparer.Ordinal) || colon == value.Length - 1)
        {
            throw new UsageException($"--report '{value}' is not FORMAT:FILE with FORMAT one of {string.Join(", ", Formats)} (e.g. --report sarif:audit.sarif).");
        }

        return (reportFormat, value[(colon + 1)..]);
    }

    private static string Render(string reportFormat, AuditReport report, int markdownLimit, int maxComments, DiffLines? diffLines) => reportFormat switch
    {
        "github-review" => Serialize(GitHubReview.Build(report, maxComments, diffLines)),
        "json" => Serialize(JsonReport.Build(report)),
        "sarif" => Serialize(SarifReport.Build(report)),
        "markdown" => MarkdownReport.Build(report, markdownLimit),
        _ => TextOf(report),
    };

    private static string Serialize(System.Text.Json.Nodes.JsonNode node)
    {
        using var writer = new StringWriter();
        JsonOutput.Write(writer, node);
        return writer.ToString();
    }

    private static string TextOf(AuditReport report)
    {
        using var writer = new StringWriter { NewLine = "\n" };
        TextReport.Write(writer, report);
        return writer.ToString();
    }
}
