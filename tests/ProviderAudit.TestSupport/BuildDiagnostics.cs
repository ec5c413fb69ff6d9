using System.Text.RegularExpressions;

namespace ProviderAudit.TestSupport;

/// <summary>One compiler/analyzer diagnostic as MSBuild prints it: <c>path(line,col): warning ID: message [project]</c>.</summary>
public sealed record BuildDiagnostic(string File, int Line, int Column, string Severity, string Id, string Message);

/// <summary>Reads the diagnostics a build printed; MSBuild repeats them in its summary, so they are de-duplicated.</summary>
public static partial class BuildDiagnostics
{
    public static IReadOnlyList<BuildDiagnostic> Parse(string buildOutput) =>
        DiagnosticLine().Matches(buildOutput)
            .Select(m => new BuildDiagnostic(
                m.Groups["file"].Value.Trim(),
                int.Parse(m.Groups["line"].Value, System.Globalization.CultureInfo.InvariantCulture),
                int.Parse(m.Groups["col"].Value, System.Globalization.CultureInfo.InvariantCulture),
                m.Groups["severity"].Value,
                m.Groups["id"].Value,
                m.Groups["message"].Value.Trim()))
            .Distinct()
            .ToList();

    public static IReadOnlyList<BuildDiagnostic> WithId(this IEnumerable<BuildDiagnostic> diagnostics, string id) =>
        diagnostics.Where(d => d.Id == id).ToList();

    [GeneratedRegex(@"^\s*(?<file>[^\r\n]+?\.cs)\((?<line>\d+),(?<col>\d+)\): (?<severity>warning|error|info) (?<id>[A-Z]+\d+): (?<message>[^\r\n]*?)(?: \[[^\]\r\n]+\])?\r?$", RegexOptions.Multiline)]
    private static partial Regex DiagnosticLine();
}
