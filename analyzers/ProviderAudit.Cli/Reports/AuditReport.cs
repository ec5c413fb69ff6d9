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

/// <summary>Everything an <c>audit</c> report shows, whatever its format.</summary>
internal sealed record AuditReport(
    AuditInput Input,
    IReadOnlyList<string> Projects,
    IReadOnlyList<Finding> Findings,
    ImmutableSortedDictionary<string, DiagnosticDescriptor> Rules,
    BaselineComparison? Baseline,
    FailOn FailOn)
{
    public static readonly string ToolVersion =
        typeof(AuditReport).Assembly.GetName().Version is { } v ? $"{v.Major}.{v.Minor}.{v.Build}" : "0.0.0";

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
