using System.Text.Json;

namespace ProviderAudit.Cli.Tests;

/// <summary>One finding of a JSON report, the fields the tests read.</summary>
public sealed record ReportedFinding(string File, int Line, int Column, string Severity, string? Concern, string? Baseline, string Member, string Expression, IReadOnlyList<ReportedFix> Fixes);

public sealed record ReportedFix(string Title, string? EquivalenceKey, bool Inferred, IReadOnlyList<string> NewLines);

/// <summary>Reads the tool's JSON report (docs/cli.md, schema version 1).</summary>
public static class Reports
{
    public static IReadOnlyList<ReportedFinding> Findings(JsonDocument report) =>
        report.RootElement.GetProperty("findings").EnumerateArray().Select(f => new ReportedFinding(
            f.GetProperty("file").GetString()!,
            f.GetProperty("line").GetInt32(),
            f.GetProperty("column").GetInt32(),
            f.GetProperty("severity").GetString()!,
            f.GetProperty("concern").GetString(),
            f.TryGetProperty("baseline", out var state) ? state.GetString() : null,
            f.GetProperty("member").GetString()!,
            f.GetProperty("expression").GetString()!,
            f.GetProperty("fixes").EnumerateArray().Select(x => new ReportedFix(
                x.GetProperty("title").GetString()!,
                x.GetProperty("equivalenceKey").GetString(),
                x.GetProperty("inferred").GetBoolean(),
                x.GetProperty("changes").EnumerateArray().SelectMany(c => c.GetProperty("newLines").EnumerateArray().Select(l => l.GetString()!)).ToList())).ToList()))
            .ToList();

    public static JsonElement BaselineSummary(JsonDocument report) =>
        report.RootElement.GetProperty("summary").GetProperty("baseline");

    /// <summary>Files whose bytes differ between two snapshots (changed, added or removed).</summary>
    public static IReadOnlyList<string> Differences(IReadOnlyDictionary<string, byte[]> expected, IReadOnlyDictionary<string, byte[]> actual) =>
        expected.Keys.Union(actual.Keys)
            .Where(file => !expected.TryGetValue(file, out var a) || !actual.TryGetValue(file, out var b) || !a.AsSpan().SequenceEqual(b))
            .Order(StringComparer.Ordinal)
            .ToList();
}
