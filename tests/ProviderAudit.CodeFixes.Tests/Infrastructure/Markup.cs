using System.Text.RegularExpressions;

namespace ProviderAudit.CodeFixes.Tests.Infrastructure;

/// <summary>The testing library's span markup: <c>{|PA0001:</c>, <c>{|#0:</c>, <c>|}</c>, <c>[|</c>, <c>|]</c>.</summary>
internal static partial class Markup
{
    /// <summary>The source as the compiler sees it.</summary>
    public static string Remove(string text) => Spans().Replace(text, string.Empty);

    [GeneratedRegex(@"\{\|[^:|{}\s]*:|\|\}|\[\||\|\]")]
    private static partial Regex Spans();
}
