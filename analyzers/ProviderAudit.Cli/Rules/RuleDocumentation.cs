using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;

namespace ProviderAudit.Cli.Rules;

/// <summary>
/// A rule's page under docs/rules (embedded in the tool when it is built) as SARIF <c>help</c>: the page as
/// markdown, with links to other pages made absolute (a code-scanning alert is not next to docs/rules), and as plain
/// text; and a readable rule <c>name</c> made from the title.
/// </summary>
internal static partial class RuleDocumentation
{
    /// <summary>The page for <paramref name="rule"/> as it is in docs/rules, or null when the tool was built without one.</summary>
    public static string? Page(DiagnosticDescriptor rule)
    {
        using var stream = typeof(RuleDocumentation).Assembly.GetManifestResourceStream($"rules/{rule.Id}.md");
        if (stream is null)
        {
            return null;
        }

        using var reader = new StreamReader(stream, Encoding.UTF8);
        return reader.ReadToEnd().ReplaceLineEndings("\n");
    }

    /// <summary>The page with relative links resolved against the rule's help link (its address under docs/rules).</summary>
    public static string Markdown(DiagnosticDescriptor rule, string page)
    {
        var help = rule.HelpLinkUri;
        if (string.IsNullOrEmpty(help) || !Uri.TryCreate(help, UriKind.Absolute, out var baseUri))
        {
            return page;
        }

        return RelativeLink().Replace(page, m => $"]({new Uri(baseUri, m.Groups["target"].Value).AbsoluteUri})");
    }

    /// <summary>The page as plain text: headings, emphasis, code marks and link syntax removed, link targets kept in parentheses.</summary>
    public static string Text(string markdown)
    {
        var text = Heading().Replace(markdown, "");
        text = Link().Replace(text, m => $"{m.Groups["text"].Value} ({m.Groups["target"].Value})");
        text = text.Replace("**", "", StringComparison.Ordinal).Replace("`", "", StringComparison.Ordinal);
        return text.Trim() + "\n";
    }

    /// <summary>
    /// A readable identifier for the rule (SARIF <c>name</c>, which must differ from the id): its title before any colon,
    /// in PascalCase, e.g. <c>AskTheCapabilityNotTheProvider</c>.
    /// </summary>
    public static string Name(DiagnosticDescriptor rule)
    {
        var title = rule.Title.ToString(CultureInfo.InvariantCulture);
        var colon = title.IndexOf(':', StringComparison.Ordinal);
        var words = Word().Matches(colon > 0 ? title[..colon] : title).Select(m => m.Value);
        var name = string.Concat(words.Select(w => char.ToUpperInvariant(w[0]) + w[1..]));
        return name.Length > 0 && name != rule.Id ? name : rule.Id + "Rule";
    }

    [GeneratedRegex(@"\]\((?<target>(?![a-z][a-z0-9+.-]*:)(?!#)[^)\s]+)\)", RegexOptions.IgnoreCase)]
    private static partial Regex RelativeLink();

    [GeneratedRegex(@"(?m)^#{1,6}\s+")]
    private static partial Regex Heading();

    [GeneratedRegex(@"\[(?<text>[^\]]+)\]\((?<target>[^)\s]+)\)")]
    private static partial Regex Link();

    [GeneratedRegex(@"[\p{L}\p{N}]+")]
    private static partial Regex Word();
}
