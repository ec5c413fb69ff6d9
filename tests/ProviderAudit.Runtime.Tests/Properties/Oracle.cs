using System.Globalization;
using System.Text.RegularExpressions;

namespace ProviderAudit.Runtime.Tests.Properties;

/// <summary>
/// The request's rules, written again from the documentation (docs/runtime.md) rather than from the runtime's code:
/// which backend a target gets, which values are bad for it, which flags are unrecognized.
/// </summary>
internal static partial class Oracle
{
    private static readonly (string Selector, string BackendId)[] Selectors =
    [
        ("CLAUDE_CODE_USE_BEDROCK", "bedrock"),
        ("CLAUDE_CODE_USE_FOUNDRY", "foundry"),
        ("CLAUDE_CODE_USE_ANTHROPIC_AWS", "claude-platform-aws"),
        ("CLAUDE_CODE_USE_VERTEX", "vertex"),
    ];

    private static readonly Dictionary<string, string> SkipFlags = new(StringComparer.Ordinal)
    {
        ["bedrock"] = "CLAUDE_CODE_SKIP_BEDROCK_AUTH",
        ["foundry"] = "CLAUDE_CODE_SKIP_FOUNDRY_AUTH",
        ["claude-platform-aws"] = "CLAUDE_CODE_SKIP_ANTHROPIC_AWS_AUTH",
        ["vertex"] = "CLAUDE_CODE_SKIP_VERTEX_AUTH",
    };

    private static readonly string[] AwsKeys = ["AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN"];

    /// <summary>The backend id the request's selection order gives, or null for targets without a Claude backend.</summary>
    public static string? ExpectedBackendId(PropertyCase @case)
    {
        if (@case.Target is not LaunchTarget.ClaudeCode)
        {
            return null;
        }

        var env = @case.Effective();
        foreach (var (selector, backendId) in Selectors)
        {
            if (env.TryGetValue(selector, out var value) && IsTruthy(value))
            {
                return backendId;
            }
        }

        return Set(env, "ANTHROPIC_AWS_WORKSPACE_ID") is not null ? "claude-platform-aws" : "first-party";
    }

    /// <summary>Variables whose value is bad for <paramref name="backendId"/>: each must make status not ready and be named.</summary>
    /// <param name="env">The effective environment.</param>
    /// <param name="backendId">The selected backend.</param>
    public static IEnumerable<string> BadVariables(IReadOnlyDictionary<string, string> env, string backendId)
    {
        var bad = new List<string>();
        void Url(string name)
        {
            if (Set(env, name) is { } value && !IsGoodUrl(value)) bad.Add(name);
        }

        void Credential(string name)
        {
            if (Set(env, name) is { } value && value.Trim().Any(c => c is < '!' or > '~')) bad.Add(name);
        }

        void Region(string name)
        {
            if (Set(env, name) is { } value && !IsRegionToken(value)) bad.Add(name);
        }

        switch (backendId)
        {
            case "first-party":
                Url("ANTHROPIC_BASE_URL");
                string[] credentials = ["ANTHROPIC_API_KEY", "ANTHROPIC_AUTH_TOKEN", "CLAUDE_CODE_OAUTH_TOKEN"];
                foreach (var name in credentials) Credential(name);
                if (credentials.All(name => Set(env, name) is null) && Set(env, "CLAUDE_CONFIG_DIR") is { } configDir && configDir.Any(char.IsControl))
                {
                    bad.Add("CLAUDE_CONFIG_DIR");
                }

                break;
            case "claude-platform-aws":
                if (Set(env, "ANTHROPIC_AWS_WORKSPACE_ID") is { } workspace && workspace.Any(IsSpaceOrControl)) bad.Add("ANTHROPIC_AWS_WORKSPACE_ID");
                Region(Set(env, "AWS_REGION") is not null ? "AWS_REGION" : "AWS_DEFAULT_REGION");
                Url("ANTHROPIC_AWS_BASE_URL");
                Credential("ANTHROPIC_AWS_API_KEY");
                if (RunsAwsChain(env, "CLAUDE_CODE_SKIP_ANTHROPIC_AWS_AUTH", "ANTHROPIC_AWS_API_KEY")) foreach (var name in AwsKeys) Credential(name);
                break;
            case "bedrock":
                Region(Set(env, "AWS_REGION") is not null ? "AWS_REGION" : "AWS_DEFAULT_REGION");
                Url("ANTHROPIC_BEDROCK_BASE_URL");
                Credential("AWS_BEARER_TOKEN_BEDROCK");
                if (RunsAwsChain(env, "CLAUDE_CODE_SKIP_BEDROCK_AUTH", "AWS_BEARER_TOKEN_BEDROCK")) foreach (var name in AwsKeys) Credential(name);
                break;
            case "vertex":
                Region("CLOUD_ML_REGION");
                if (Set(env, "ANTHROPIC_VERTEX_PROJECT_ID") is { } project && !GoogleProjectId().IsMatch(project)) bad.Add("ANTHROPIC_VERTEX_PROJECT_ID");
                Url("ANTHROPIC_VERTEX_BASE_URL");
                break;
            case "foundry":
                if (Set(env, "ANTHROPIC_FOUNDRY_BASE_URL") is not null) Url("ANTHROPIC_FOUNDRY_BASE_URL");
                else Region("ANTHROPIC_FOUNDRY_RESOURCE");
                Credential("ANTHROPIC_FOUNDRY_API_KEY");
                break;
        }

        return bad;
    }

    // The AWS chain runs only without skip-auth and without a key of the backend's own; it checks the key pair's values
    // whenever a key id or secret is there (docs/runtime.md).
    private static bool RunsAwsChain(IReadOnlyDictionary<string, string> env, string skipFlag, string ownKey) =>
        !(env.TryGetValue(skipFlag, out var skip) && IsTruthy(skip))
        && Set(env, ownKey) is null
        && (Set(env, "AWS_ACCESS_KEY_ID") is not null || Set(env, "AWS_SECRET_ACCESS_KEY") is not null || Set(env, "AWS_SECRET_KEY") is not null);

    /// <summary>On/off variables whose value is neither: each must be named in a warning.</summary>
    public static IEnumerable<string> UnrecognizedFlags(IReadOnlyDictionary<string, string> env, string backendId)
    {
        var flags = Selectors.Select(s => s.Selector).ToList();
        if (SkipFlags.TryGetValue(backendId, out var skip))
        {
            flags.Add(skip);
        }

        return flags.Where(name => env.TryGetValue(name, out var value) && !IsTruthy(value) && !IsFalsy(value));
    }

    public static bool IsTruthy(string value) => value.Trim().ToLowerInvariant() is "1" or "true" or "yes" or "on";

    private static bool IsFalsy(string value) => value.Trim().ToLowerInvariant() is "" or "0" or "false" or "no" or "off";

    /// <summary>A value that counts as set: not empty and not only whitespace.</summary>
    public static string? Set(IReadOnlyDictionary<string, string> env, string name) =>
        env.TryGetValue(name, out var value) && !string.IsNullOrWhiteSpace(value) ? value : null;

    public static bool IsSpaceOrControl(char c) =>
        char.IsWhiteSpace(c) || char.IsControl(c) || CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.Format;

    // docs/runtime.md: absolute https (http only to a loopback host), no user info, query or fragment; surrounding
    // whitespace is ignored, anything else that is not part of a URL makes it bad.
    private static bool IsGoodUrl(string value)
    {
        var trimmed = value.Trim();
        return !trimmed.Any(IsSpaceOrControl)
            && Uri.TryCreate(trimmed, UriKind.Absolute, out var uri)
            && (uri.Scheme == Uri.UriSchemeHttps || (uri.Scheme == Uri.UriSchemeHttp && uri.IsLoopback))
            && uri.UserInfo.Length == 0 && uri.Query.Length == 0 && uri.Fragment.Length == 0;
    }

    private static bool IsRegionToken(string value) => value.Length <= 32 && RegionToken().IsMatch(value);

    [GeneratedRegex(@"^[a-z0-9]+(-[a-z0-9]+)*\z", RegexOptions.CultureInvariant)]
    private static partial Regex RegionToken();

    [GeneratedRegex(@"^(?:[a-z0-9.-]+:)?[a-z][a-z0-9-]{4,28}[a-z0-9]\z", RegexOptions.CultureInvariant)]
    private static partial Regex GoogleProjectId();
}
