using System.Text;
using System.Text.RegularExpressions;

namespace ProviderAudit.Runtime;

/// <summary>Checks shared by several transports: values that end up in host names, headers or URLs.</summary>
internal static partial class InputChecks
{
    // A region becomes part of a host name, so only lowercase letters, digits and single hyphens get through.
    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$", RegexOptions.CultureInvariant)]
    private static partial Regex RegionPattern();

    public static bool IsRegionToken(string value) => value.Length <= 32 && RegionPattern().IsMatch(value);

    public static bool HasWhitespaceOrControl(string value) => value.Any(c => char.IsWhiteSpace(c) || char.IsControl(c));

    /// <summary>Quotes a non-secret value for a message, with control characters made visible and length capped.</summary>
    public static string Show(string value)
    {
        var builder = new StringBuilder("\"");
        foreach (var c in value.Length > 64 ? value[..64] : value)
        {
            builder.Append(c switch
            {
                '\r' => "\\r",
                '\n' => "\\n",
                '\t' => "\\t",
                '"' => "\\\"",
                _ when char.IsControl(c) => $"\\u{(int)c:x4}",
                _ => c.ToString(),
            });
        }

        return builder.Append(value.Length > 64 ? "…\"" : "\"").ToString();
    }

    /// <summary>
    /// Validates a base-URL override: absolute, https (plain http only for loopback hosts), no user info (it would
    /// carry a password), no query or fragment.
    /// </summary>
    public static Uri? CheckBaseUrlOverride(string variable, string value, List<ConfigurationProblem> problems)
    {
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
    public static (string? Region, string? Variable) CheckAwsRegion(
        IReadOnlyDictionary<string, string> env, string backendName, List<ConfigurationProblem> problems)
    {
        var variable = env.Has(EnvironmentVariableNames.AwsRegion) ? EnvironmentVariableNames.AwsRegion
            : env.Has(EnvironmentVariableNames.AwsDefaultRegion) ? EnvironmentVariableNames.AwsDefaultRegion
            : null;
        if (variable is null)
        {
            problems.Add(new(
                EnvironmentVariableNames.AwsRegion,
                $"No AWS region is set. {backendName} needs one: set AWS_REGION (or AWS_DEFAULT_REGION), e.g. AWS_REGION=us-west-2."));
            return (null, null);
        }

        var region = env.Raw(variable)!;
        if (!IsRegionToken(region))
        {
            problems.Add(new(
                variable,
                $"{variable}={Show(region)} is not a valid AWS region: use only lowercase letters, digits and hyphens, e.g. us-west-2."));
            return (null, variable);
        }

        return (region, variable);
    }
}
