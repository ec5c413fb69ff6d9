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

    /// <summary>Reads <c>AWS_REGION</c>, falling back to <c>AWS_DEFAULT_REGION</c>, and validates it as a region token.</summary>
    /// <param name="env">The effective environment.</param>
    /// <param name="backendName">For messages.</param>
    /// <param name="problems">Where a problem goes.</param>
    /// <param name="profileRegion">
    /// The <c>region</c> of the AWS profile in use, when there is one: a backend that reads the region only from the
    /// environment (as Claude Code does) suggests that value instead of an example.
    /// </param>
    public static (string? Region, string? Variable) CheckAwsRegion(
        IReadOnlyDictionary<string, string> env, string backendName, List<ConfigurationProblem> problems, Func<AwsSetting?>? profileRegion = null)
    {
        var variable = env.Has(EnvironmentVariableNames.AwsRegion) ? EnvironmentVariableNames.AwsRegion
            : env.Has(EnvironmentVariableNames.AwsDefaultRegion) ? EnvironmentVariableNames.AwsDefaultRegion
            : null;
        if (variable is null)
        {
            var inProfile = profileRegion?.Invoke();
            problems.Add(new(
                EnvironmentVariableNames.AwsRegion,
                inProfile is { } setting && IsRegionToken(setting.Value)
                    ? $"No AWS region is set in the environment. {backendName} reads it only from AWS_REGION or AWS_DEFAULT_REGION, as Claude Code does, not from the "
                        + $"profile, whose region is {setting.Value} ({setting.Where}): set AWS_REGION={setting.Value}."
                    : $"No AWS region is set. {backendName} needs one: set AWS_REGION (or AWS_DEFAULT_REGION), e.g. AWS_REGION=us-west-2."));
            return (null, null);
        }

        var region = env.Raw(variable)!;
        if (!IsRegionToken(region))
        {
            problems.Add(new(
                variable,
                $"{variable}={DisplayText.QuoteAscii(region)} is not a valid AWS region: use only lowercase letters, digits and hyphens, e.g. us-west-2."
                + (LookAlike(region) is { } lookAlike ? $" It contains {lookAlike}, which only looks like an ASCII character: retype it." : "")));
            return (null, variable);
        }

        return (region, variable);
    }

    // The first non-ASCII character, named by its code point (a dash from a word processor, a full-width letter).
    private static string? LookAlike(string value) =>
        value.FirstOrDefault(c => !char.IsAscii(c)) is var c and not '\0' ? $"U+{(int)c:X4} ({CharUnicodeInfo.GetUnicodeCategory(c)})" : null;

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
