using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using ProviderAudit.Analyzers;
using ProviderAudit.Cli.Analysis;
using ProviderAudit.Cli.Baselines;
using ProviderAudit.Cli.Loading;

namespace ProviderAudit.Cli.Reports;

/// <summary>Which findings make <c>audit</c> exit 1.</summary>
internal enum FailOn
{
    /// <summary>Every finding (the default without a baseline).</summary>
    Any,

    /// <summary>Findings not in the baseline (the default with one).</summary>
    New,

    /// <summary>Never: report only.</summary>
    None,
}

/// <summary>
/// Everything an <c>audit</c> report shows, whatever its format. <see cref="Category"/> names the analysis for code
/// scanning (SARIF <c>automationDetails.id</c>); <see cref="LoadWarnings"/> is what MSBuild said while loading.
/// </summary>
internal sealed record AuditReport(
    AuditInput Input,
    IReadOnlyList<string> Projects,
    IReadOnlyList<Finding> Findings,
    ImmutableSortedDictionary<string, DiagnosticDescriptor> Rules,
    BaselineComparison? Baseline,
    FailOn FailOn)
{
    public const string ToolName = "provider-audit";

    public const string DefaultCategory = "provider-audit";

    public const string InformationUri = "https://github.com/provider-audit/provider-audit/blob/main/docs/cli.md";

    public static readonly string ToolVersion =
        typeof(AuditReport).Assembly.GetName().Version is { } v ? $"{v.Major}.{v.Minor}.{v.Build}" : "0.0.0";

    public string Category { get; init; } = DefaultCategory;

    /// <summary>SARIF <c>automationDetails</c>: the category, or an Azure Pipelines job's identity.</summary>
    public AutomationDetails Automation { get; init; } = new(DefaultCategory + "/", []);

    public IReadOnlyList<string> LoadWarnings { get; init; } = [];

    /// <summary>The findings the report lists one by one: only the new ones against a baseline, else all.</summary>
    public IReadOnlyList<Finding> Shown => Baseline is null ? Findings : Findings.Where(Baseline.IsNew).ToList();

    /// <summary>The findings that count for <see cref="FailOn"/>.</summary>
    public int Failing => FailOn switch
    {
        FailOn.Any => Findings.Count,
        FailOn.New => Baseline?.NewCount ?? Findings.Count,
        _ => 0,
    };

    /// <summary>"new" or "baselined" when a baseline was given; null otherwise.</summary>
    public string? BaselineState(Finding finding) =>
        Baseline is null ? null : Baseline.IsNew(finding) ? "new" : "baselined";

    public static string ConcernLabel(string? concern) => concern switch
    {
        DiagnosticContract.Concerns.ModelIdFormat => "model-ID format",
        DiagnosticContract.Concerns.AuthTransport => "auth transport",
        DiagnosticContract.Concerns.Ambiguous => "ambiguous",
        null or "" => "none",
        _ => concern,
    };
}
