using System.Text.RegularExpressions;

namespace ProviderAudit.Runtime.Aws;

/// <summary>
/// Where CPA requests go and which workspace they name, validated so nothing from the environment
/// can inject a host (region) or a header (workspace id).
/// </summary>
public sealed partial class CpaEndpoint
{
    private CpaEndpoint(string workspaceId, string region, Uri baseUri, bool overridden)
    {
        WorkspaceId = workspaceId;
        Region = region;
        BaseUri = baseUri;
        BaseUriOverridden = overridden;
    }

    /// <summary>Sent as <c>anthropic-workspace-id</c> on every request.</summary>
    public string WorkspaceId { get; }

    /// <summary>The region: the SigV4 scope and, without an override, part of the host name.</summary>
    public string Region { get; }

    /// <summary><c>https://aws-external-anthropic.{region}.api.aws</c> or the validated override.</summary>
    public Uri BaseUri { get; }

    /// <summary>True when <see cref="BaseUri"/> is an override (<c>ANTHROPIC_AWS_BASE_URL</c>).</summary>
    public bool BaseUriOverridden { get; }

    /// <summary>The base URL in the form the official client takes (no trailing slash).</summary>
    public string BaseUrl => BaseUri.GetLeftPart(UriPartial.Path).TrimEnd('/');

    /// <summary>Validates the inputs.</summary>
    /// <param name="workspaceId">ANTHROPIC_AWS_WORKSPACE_ID.</param>
    /// <param name="region">AWS_REGION (or AWS_DEFAULT_REGION).</param>
    /// <param name="baseUrlOverride">ANTHROPIC_AWS_BASE_URL, or null to derive from the region.</param>
    /// <exception cref="CpaConfigurationException">An input is invalid.</exception>
    public static CpaEndpoint Create(string? workspaceId, string? region, string? baseUrlOverride = null)
    {
        if (string.IsNullOrEmpty(workspaceId) || workspaceId.Any(c => char.IsWhiteSpace(c) || char.IsControl(c)))
        {
            throw new CpaConfigurationException("ANTHROPIC_AWS_WORKSPACE_ID",
                "ANTHROPIC_AWS_WORKSPACE_ID must be a non-empty workspace id without whitespace or control characters (e.g. wrkspc_01AbCd); it is sent as a header.");
        }

        if (region is null || region.Length > 32 || !RegionToken().IsMatch(region))
        {
            throw new CpaConfigurationException("AWS_REGION",
                "AWS_REGION (or AWS_DEFAULT_REGION) must be an AWS region such as us-west-2: lowercase letters, digits and single hyphens only, since it becomes part of the host name.");
        }

        if (baseUrlOverride is null)
        {
            return new CpaEndpoint(workspaceId, region, new Uri($"https://aws-external-anthropic.{region}.api.aws"), false);
        }

        if (!Uri.TryCreate(baseUrlOverride.Trim(), UriKind.Absolute, out var uri)
            || (uri.Scheme != Uri.UriSchemeHttps && !(uri.Scheme == Uri.UriSchemeHttp && uri.IsLoopback))
            || !string.IsNullOrEmpty(uri.UserInfo) || !string.IsNullOrEmpty(uri.Query) || !string.IsNullOrEmpty(uri.Fragment))
        {
            throw new CpaConfigurationException("ANTHROPIC_AWS_BASE_URL",
                "ANTHROPIC_AWS_BASE_URL must be an absolute https URL without user info, query or fragment (plain http only for loopback hosts); remove it to use https://aws-external-anthropic.{region}.api.aws.");
        }

        return new CpaEndpoint(workspaceId, region, uri, true);
    }

    /// <inheritdoc />
    public override string ToString() => $"{BaseUrl} (region {Region}, workspace {WorkspaceId})";

    [GeneratedRegex(@"^[a-z0-9]+(-[a-z0-9]+)*\z", RegexOptions.CultureInvariant)]
    private static partial Regex RegionToken();
}
