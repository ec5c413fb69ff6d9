using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace ProviderAudit.Runtime.Secrets;

/// <summary>
/// How values from the environment are shown in text a person reads: never with a raw control character (a CR/LF in
/// a base URL, profile name or path would forge a line of output), never long, and not at all when the value looks
/// like a credential — a secret pasted into the wrong variable is exactly the value a message would otherwise echo.
/// </summary>
internal static partial class DisplayText
{
    /// <summary>The most characters of a value a message quotes.</summary>
    public const int MaxQuotedLength = 64;

    /// <summary>What a message shows instead of a value that looks like a credential.</summary>
    public const string HiddenCredential = "(value hidden: it looks like a credential)";

    /// <summary>
    /// The text with every control character, Unicode format character (bidirectional overrides, zero-width marks)
    /// and line/paragraph separator written as an escape (<c>\n</c>, <c>\r</c>, <c>\t</c>, <c>\u0007</c>), so it
    /// stays on one line and shows what it holds.
    /// </summary>
    public static string Escape(string text)
    {
        var index = 0;
        while (index < text.Length && !NeedsEscape(text[index]))
        {
            index++;
        }

        if (index == text.Length)
        {
            return text;
        }

        var builder = new StringBuilder(text.Length + 16).Append(text, 0, index);
        for (; index < text.Length; index++)
        {
            AppendEscaped(builder, text[index]);
        }

        return builder.ToString();
    }

    /// <summary>
    /// A non-secret value quoted for a message: escaped (see <see cref="Escape"/>, plus <c>"</c>), at most
    /// <see cref="MaxQuotedLength"/> characters; a value that looks like a credential is not quoted at all.
    /// </summary>
    public static string Quote(string value)
    {
        if (LooksLikeCredential(value))
        {
            return HiddenCredential;
        }

        var shown = value.Length > MaxQuotedLength ? value[..MaxQuotedLength] : value;
        var builder = new StringBuilder(shown.Length + 8).Append('"');
        foreach (var c in shown)
        {
            if (c == '"')
            {
                builder.Append("\\\"");
            }
            else
            {
                AppendEscaped(builder, c);
            }
        }

        return builder.Append(value.Length > MaxQuotedLength ? "…\"" : "\"").ToString();
    }

    /// <summary>
    /// <see cref="Quote"/> with every non-ASCII character written as <c>\uXXXX</c> too: for values that must be ASCII
    /// (a region, a host name), where a look-alike such as U+2011 NON-BREAKING HYPHEN would otherwise read as valid.
    /// </summary>
    public static string QuoteAscii(string value)
    {
        var quoted = Quote(value);
        if (quoted.All(char.IsAscii))
        {
            return quoted;
        }

        var builder = new StringBuilder(quoted.Length + 16);
        foreach (var c in quoted)
        {
            if (char.IsAscii(c) || c == '…')
            {
                builder.Append(c);
            }
            else
            {
                builder.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
            }
        }

        return builder.ToString();
    }

    /// <summary>
    /// True when <paramref name="value"/> holds something shaped like a credential: an Anthropic key or token
    /// (<c>sk-ant-…</c>), or a run of at least 20 token characters (<c>A-Z a-z 0-9 + / = _ -</c>) mixing upper case,
    /// lower case and digits (AWS secret keys, session tokens, bearer tokens), or a run of at least 32 hex digits
    /// (Azure keys). Region names, URLs, profile and model names do not look like that.
    /// </summary>
    public static bool LooksLikeCredential(string value)
    {
        if (value.Contains("sk-ant-", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        foreach (Match run in TokenRun().Matches(value))
        {
            var token = run.ValueSpan;
            if (token.Length >= 20 && token.ContainsAnyInRange('A', 'Z') && token.ContainsAnyInRange('a', 'z') && token.ContainsAnyInRange('0', '9'))
            {
                return true;
            }
        }

        foreach (Match run in HexRun().Matches(value))
        {
            if (run.ValueSpan.ContainsAnyInRange('0', '9') && (run.ValueSpan.ContainsAnyInRange('a', 'f') || run.ValueSpan.ContainsAnyInRange('A', 'F')))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>True for the characters <see cref="Escape"/> writes as escapes: control, format and separator characters.</summary>
    public static bool NeedsEscape(char c) =>
        char.IsControl(c) || CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.Format or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator;

    private static void AppendEscaped(StringBuilder builder, char c)
    {
        switch (c)
        {
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

    [GeneratedRegex("[A-Za-z0-9+/=_-]{20,}", RegexOptions.CultureInvariant)]
    private static partial Regex TokenRun();

    [GeneratedRegex("[0-9A-Fa-f]{32,}", RegexOptions.CultureInvariant)]
    private static partial Regex HexRun();
}
