using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace ProviderAudit.Runtime;

/// <summary>
/// How <see cref="ApiProviderIds"/> quotes an id it does not know: on one line (every control character, Unicode format
/// character and line/paragraph separator written as an escape) and not at all when it looks like a credential.
/// The runtime quotes every other value through its own <c>DisplayText.Quote</c>; this package cannot depend on the
/// runtime, and the runtime must not reach into this package's internals (the two packages may differ in version), so
/// the rule is kept here for the ids' short values (at most 32 characters, never cut) and the runtime's tests hold the
/// two to the same output.
/// </summary>
internal static class QuotedValue
{
    private const string HiddenCredential = "(value hidden: it looks like a credential)";

    private static readonly Regex TokenRun = new("[A-Za-z0-9+/=_-]{20,}", RegexOptions.CultureInvariant);

    private static readonly Regex HexRun = new("[0-9A-Fa-f]{32,}", RegexOptions.CultureInvariant);

    /// <summary>The value in double quotes, escaped; a value shaped like a credential is not shown.</summary>
    public static string Quote(string value)
    {
        if (LooksLikeCredential(value))
        {
            return HiddenCredential;
        }

        var builder = new StringBuilder(value.Length + 8).Append('"');
        foreach (var c in value)
        {
            switch (c)
            {
                case '"':
                    builder.Append("\\\"");
                    break;
                case '\n':
                    builder.Append("\\n");
                    break;
                case '\r':
                    builder.Append("\\r");
                    break;
                case '\t':
                    builder.Append("\\t");
                    break;
                default:
                    if (NeedsEscape(c))
                    {
                        builder.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        builder.Append(c);
                    }

                    break;
            }
        }

        return builder.Append('"').ToString();
    }

    // An Anthropic key or token, a run of 20+ token characters mixing upper case, lower case and digits, or 32+ hex digits.
    private static bool LooksLikeCredential(string value) =>
        value.IndexOf("sk-ant-", StringComparison.OrdinalIgnoreCase) >= 0
        || TokenRun.Matches(value).Cast<Match>().Any(run => Has(run.Value, 'A', 'Z') && Has(run.Value, 'a', 'z') && Has(run.Value, '0', '9'))
        || HexRun.Matches(value).Cast<Match>().Any(run => Has(run.Value, '0', '9') && (Has(run.Value, 'a', 'f') || Has(run.Value, 'A', 'F')));

    private static bool Has(string text, char low, char high) => text.Any(c => c >= low && c <= high);

    private static bool NeedsEscape(char c) =>
        char.IsControl(c) || CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.Format or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator;
}
