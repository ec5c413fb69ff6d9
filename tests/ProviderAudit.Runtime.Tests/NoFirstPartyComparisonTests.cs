using System.Text.RegularExpressions;

namespace ProviderAudit.Runtime.Tests;

/// <summary>
/// PA0001 runs on the abstractions, the runtime and ProviderHost at error severity (Directory.Build.targets); this plain source scan
/// stays as a second line should that wiring ever be switched off. It only sees the usual spellings; the analyzer
/// sees all of them.
/// </summary>
public class NoFirstPartyComparisonTests
{
    private static readonly Regex Comparison = new(
        @"[=!]=\s*(ApiProvider\.)?FirstParty\b|ApiProvider\.FirstParty\s*(==|!=|=>|:)|case\s+ApiProvider\.FirstParty|\bis\s+(not\s+)?ApiProvider\.FirstParty|Equals\([^)]*ApiProvider\.FirstParty",
        RegexOptions.CultureInvariant);

    [Theory]
    [InlineData("abstractions/ProviderAudit.Abstractions")]
    [InlineData("runtime/ProviderAudit.Runtime")]
    [InlineData("samples/ProviderHost")]
    public void Source_never_compares_a_provider_with_FirstParty(string folder)
    {
        var root = Path.Combine(RepositorySources.Root, folder);
        var offenders = RepositorySources.CSharpFiles(folder)
            .SelectMany(f => File.ReadLines(f).Select((line, i) => (File: f, Line: i + 1, Text: line)))
            .Where(l => !l.Text.TrimStart().StartsWith("//", StringComparison.Ordinal) && Comparison.IsMatch(l.Text))
            .Select(l => $"{Path.GetRelativePath(root, l.File)}:{l.Line}: {l.Text.Trim()}")
            .ToArray();
        Assert.Empty(offenders);
    }

    [Theory]
    [InlineData("if (provider == ApiProvider.FirstParty)")]
    [InlineData("if (ApiProvider.FirstParty != p)")]
    [InlineData("case ApiProvider.FirstParty:")]
    [InlineData("p is ApiProvider.FirstParty")]
    [InlineData("ApiProvider.FirstParty => 1,")]
    [InlineData("p.Equals(ApiProvider.FirstParty)")]
    public void The_scan_recognizes_the_usual_comparison_spellings(string line)
    {
        Assert.Matches(Comparison, line);
    }
}
