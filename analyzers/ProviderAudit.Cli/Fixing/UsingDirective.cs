using System.Text.RegularExpressions;

namespace ProviderAudit.Cli.Fixing;

/// <summary>Recognizes the text of a change that adds a <c>using</c> directive for a namespace.</summary>
internal static partial class UsingDirective
{
    /// <summary>True when <paramref name="newText"/> holds <c>using NAMESPACE;</c> (any spacing, <c>global::</c> or not).</summary>
    public static bool Adds(string? newText, string ns) =>
        newText is not null && Directive().Matches(newText).Any(m => m.Groups["ns"].Value.Replace(" ", "", StringComparison.Ordinal).Replace("global::", "", StringComparison.Ordinal) == ns);

    [GeneratedRegex(@"(?m)^\s*using\s+(?!static\b)(?<ns>[\w.: ]+?)\s*;")]
    private static partial Regex Directive();
}
