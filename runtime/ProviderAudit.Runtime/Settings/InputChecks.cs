using System.Globalization;
using System.Text.RegularExpressions;
using ProviderAudit.Runtime.AwsCredentials;
using ProviderAudit.Runtime.Secrets;

namespace ProviderAudit.Runtime.Settings;

/// <summary>Checks shared by several transports: values that end up in host names, headers or URLs.</summary>
internal static partial class InputChecks
{
    // A region becomes part of a host name, so only lowercase letters, digits and single hyphens get through.
    [GeneratedRegex(@"^[a-z0-9]+(-[a-z0-9]+)*\z", RegexOptions.CultureInvariant)]
    private static partial Regex RegionPattern();

    public static bool IsRegionToken(string value) => value.Length <= 32 && RegionPattern().IsMatch(value);

    // Google Cloud project ids: 6–30 characters, lowercase letters, digits and hyphens, a letter first, no hyphen
    // last; older domain-scoped ones carry an "example.com:" prefix.
    [GeneratedRegex(@"^(?:[a-z0-9.-]+:)?[a-z][a-z0-9-]{4,28}[a-z0-9]\z", RegexOptions.CultureInvariant)]
    private static partial Regex GoogleProjectIdPattern();

    public static bool IsGoogleProjectId(string value) => GoogleProjectIdPattern().IsMatch(value);

    // Invisible format characters (zero-width spaces, bidirectional overrides) count too: pasted, never meant.
    public static bool HasWhitespaceOrControl(string value) =>
        value.Any(c => char.IsWhiteSpace(c) || char.IsControl(c) || CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.Format);

    /// <summary>
    /// Validates a base-URL override: absolute, https (plain http only for loopback hosts), no user info (it would
    /// carry a password), no query or fragment.
    /// </summary>
    public static Uri? CheckBaseUrlOverride(string variable, string value, List<ConfigurationProblem> problems)
    {
        // Uri would quietly drop or percent-encode these; a URL with them inside is a paste error, not an address.
        if (HasWhitespaceOrControl(value.Trim()))
        {
            problems.Add(new(variable, $"{variable} contains whitespace or control characters inside the URL; set it to the URL alone, e.g. https://gateway.example.com."));
            return null;
        }

        if (!Uri.TryCreate(value.Trim(), UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
        {
            problems.Add(new(variable, $"{variable} must be an absolute https URL such as https://gateway.example.com; remove it to use the default endpoint."));
            return null;
        }

        if (!string.IsNullOrEmpty(uri.UserInfo))
        {
            problems.Add(new(variable, $"{variable} must not contain a user name or password; put credentials in the variables meant for them and remove them from the URL."));
            return null;
        }

        if (!string.IsNullOrEmpty(uri.Query) || !string.IsNullOrEmpty(uri.Fragment))
        {
            problems.Add(new(variable, $"{variable} must not have a query string or fragment; set only scheme, host, port and path."));
            return null;
        }

        if (uri.Scheme == Uri.UriSchemeHttp && !uri.IsLoopback)
        {
            problems.Add(new(variable, $"{variable} uses plain http to {uri.Host}; use https (plain http is accepted only for loopback hosts such as 127.0.0.1 or localhost)."));
            return null;
        }

        return uri;
    }

    /// <summary>
    /// A credential goes into a request header: whitespace, a control character (a line break from copying, say) or
    /// a non-ASCII character inside it would make the request fail. Surrounding whitespace is fine; it is trimmed. The value is never
    /// quoted.
    /// </summary>
    public static void CheckCredentialValue(IReadOnlyDictionary<string, string> env, string variable, List<ConfigurationProblem> problems)
    {
        if (env.Raw(variable) is { } value && value.Trim().Any(c => c is < '!' or > '~'))
        {
            problems.Add(new(variable,
                $"{variable} has whitespace, control or non-ASCII characters inside the value (a line break from copying?); set it to the credential alone, on one line."));
        }
    }

    /// <summary>A warning for a flag (e.g. <c>CLAUDE_CODE_SKIP_BEDROCK_AUTH</c>) whose value is neither on nor off, or null.</summary>
    public static string? UnrecognizedFlagWarning(IReadOnlyDictionary<string, string> env, string variable) =>
        env.TryGetValue(variable, out var value) && EnvFlag.IsUnrecognized(value)
            ? $"{variable}={DisplayText.Quote(value)} is not a recognized on/off value and counts as off; use 1/true/yes/on or 0/false/no/off."
            : null;
}
