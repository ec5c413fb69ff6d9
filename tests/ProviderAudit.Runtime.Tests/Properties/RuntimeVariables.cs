using System.Reflection;

namespace ProviderAudit.Runtime.Tests.Properties;

/// <summary>What kind of value a variable holds, which decides the values generated for it and the oracle's rules.</summary>
internal enum VariableKind
{
    Flag,
    Region,
    Url,
    Credential,
    CustomHeaders,
    Path,
    WorkspaceId,
    ProjectId,
    ModelId,
    Text,
}

/// <summary>
/// Every variable the runtime reads: the names spelled in <see cref="EnvironmentVariableNames"/> and in each backend's and
/// the AWS credentials' <c>…Variables</c> class (so a new one joins the suite by being declared there), every transport's
/// owned variables, the scrubber's secret list, and the host variables other targets use. Each is classified here,
/// independently of the runtime's own checks.
/// </summary>
internal static class RuntimeVariables
{
    /// <summary>
    /// Variables every generated environment pins, so the suite never leaves the machine: instance metadata is off
    /// and every AWS endpoint points at a closed loopback port.
    /// </summary>
    public static IReadOnlyDictionary<string, string> HermeticPins { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["AWS_EC2_METADATA_DISABLED"] = "true",
        ["AWS_EC2_METADATA_SERVICE_ENDPOINT"] = ClosedLoopback,
        ["AWS_ENDPOINT_URL"] = ClosedLoopback,
        ["AWS_ENDPOINT_URL_STS"] = ClosedLoopback,
        ["AWS_ENDPOINT_URL_SSO"] = ClosedLoopback,
    };

    /// <summary>Never set: the relative container URI means a real link-local endpoint (169.254.170.2).</summary>
    public static IReadOnlySet<string> NeverSet { get; } = new HashSet<string>(StringComparer.Ordinal) { "AWS_CONTAINER_CREDENTIALS_RELATIVE_URI" };

    /// <summary>Port 9 (discard) on loopback: nothing listens, so a connection is refused at once.</summary>
    public const string ClosedLoopback = "http://127.0.0.1:9";

    public static IReadOnlyList<string> All { get; } = Collect();

    public static IReadOnlySet<string> Secrets { get; } = new HashSet<string>(SecretScrubber.SecretVariables, StringComparer.Ordinal);

    public static VariableKind KindOf(string name) => name switch
    {
        _ when name.StartsWith("CLAUDE_CODE_USE_", StringComparison.Ordinal) || name.StartsWith("CLAUDE_CODE_SKIP_", StringComparison.Ordinal)
            || name is "CLAUDE_CODE_PROVIDER_MANAGED_BY_HOST" or "AWS_SDK_LOAD_CONFIG" => VariableKind.Flag,
        "AWS_REGION" or "AWS_DEFAULT_REGION" or "CLOUD_ML_REGION" or "ANTHROPIC_FOUNDRY_RESOURCE" or "ANTHROPIC_SMALL_FAST_MODEL_AWS_REGION" => VariableKind.Region,
        "ANTHROPIC_CUSTOM_HEADERS" => VariableKind.CustomHeaders,
        _ when Secrets.Contains(name) || name == "AWS_ACCESS_KEY_ID" => VariableKind.Credential,
        _ when name.EndsWith("_BASE_URL", StringComparison.Ordinal) || name.StartsWith("AWS_ENDPOINT_URL", StringComparison.Ordinal)
            || name is "AWS_CONTAINER_CREDENTIALS_FULL_URI" or "HTTPS_PROXY" => VariableKind.Url,
        _ when name.EndsWith("_FILE", StringComparison.Ordinal) || name.EndsWith("_PATH", StringComparison.Ordinal)
            || name is "HOME" or "CLAUDE_CONFIG_DIR" or "GOOGLE_APPLICATION_CREDENTIALS" or "CLOUDSDK_CONFIG" or "AWS_CA_BUNDLE" or "CODEX_HOME" or "OPENCODE_CONFIG" => VariableKind.Path,
        "ANTHROPIC_AWS_WORKSPACE_ID" => VariableKind.WorkspaceId,
        "ANTHROPIC_VERTEX_PROJECT_ID" or "GOOGLE_CLOUD_PROJECT" => VariableKind.ProjectId,
        _ when name.EndsWith("_MODEL", StringComparison.Ordinal) => VariableKind.ModelId,
        _ => VariableKind.Text,
    };

    private static IReadOnlyList<string> Collect()
    {
        var declared = typeof(EnvironmentVariableNames).Assembly.GetTypes()
            .Where(t => t == typeof(EnvironmentVariableNames) || (t.IsAbstract && t.IsSealed && t.Name.EndsWith("Variables", StringComparison.Ordinal)))
            .SelectMany(t => t.GetFields(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static))
            .Where(f => f.IsLiteral && f.FieldType == typeof(string))
            .Select(f => (string)f.GetRawConstantValue()!)
            .Where(name => !name.EndsWith('_')); // prefixes, not variables
        var owned = RuntimeBackends.All.SelectMany(b => b.Transport.OwnedVariables);
        string[] hostAndOtherTargets = ["HOME", "PATH", "LANG", "HTTPS_PROXY", "ANTHROPIC_MODEL", "CODEX_HOME", "OPENCODE_CONFIG", "GOOGLE_CLOUD_PROJECT"];
        return declared.Concat(owned).Concat(SecretScrubber.SecretVariables).Concat(hostAndOtherTargets)
            .Where(name => !HermeticPins.ContainsKey(name) && !NeverSet.Contains(name))
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .ToArray();
    }
}
