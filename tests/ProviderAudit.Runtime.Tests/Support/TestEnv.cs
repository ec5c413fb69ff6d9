namespace ProviderAudit.Runtime.Tests;

/// <summary>Builds environment dictionaries and runs status without touching the machine.</summary>
internal static class TestEnv
{
    public const string WorkspaceId = "wrkspc_01TestWorkspace";
    public const string CpaKey = "aws-cpa-key-0123456789-SECRETzzzz";
    public const string FirstPartyKey = "sk-ant-api03-FIRSTPARTYSECRET-abcd";
    public const string AwsSecret = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYSECRETKEY";

    public static Dictionary<string, string> Of(params (string Name, string Value)[] pairs) =>
        pairs.ToDictionary(p => p.Name, p => p.Value, StringComparer.Ordinal);

    /// <summary>
    /// A complete CPA configuration using a named profile for SigV4. The profile exists (in a config file of this test
    /// run) but its credential_process fails, so only a substituted request check makes it ready.
    /// </summary>
    public static Dictionary<string, string> CpaWithProfile() => Of(
        ("CLAUDE_CODE_USE_ANTHROPIC_AWS", "1"),
        ("ANTHROPIC_AWS_WORKSPACE_ID", WorkspaceId),
        ("AWS_REGION", "us-west-2"),
        ("AWS_PROFILE", "cc"),
        ("AWS_CONFIG_FILE", ProfileConfigFile.Value));

    private static readonly Lazy<string> ProfileConfigFile = new(() =>
    {
        var directory = Directory.CreateTempSubdirectory("pa-rt-aws-");
        var path = Path.Combine(directory.FullName, "config");
        File.WriteAllText(path, "[profile cc]\ncredential_process = /bin/false\n");
        return path;
    });

    public static Dictionary<string, string> With(this Dictionary<string, string> env, string name, string value)
    {
        env[name] = value;
        return env;
    }

    public static Dictionary<string, string> Without(this Dictionary<string, string> env, string name)
    {
        env.Remove(name);
        return env;
    }

    /// <summary>Status options for test environments: they name no HOME, so only files a test made are seen.</summary>
    public static RuntimeStatusOptions NoFiles { get; } = new() { FileExists = File.Exists };

    public static RuntimeStatus Status(
        IReadOnlyDictionary<string, string> env, HostSettings? settings = null, LaunchTarget target = LaunchTarget.ClaudeCode, IRequestTransportCheck? check = null) =>
        RuntimeStatusEvaluator.Evaluate(env, settings ?? HostSettings.Empty, target,
            check is null ? NoFiles : new RuntimeStatusOptions { FileExists = File.Exists, RequestTransportCheck = check });

    public static TransportInputs Inputs(IReadOnlyDictionary<string, string> env, HostSettings? settings = null) =>
        new(env, settings, File.Exists);

    /// <summary>Stands in for the real request transport so the "inputs valid → ready" path can be tested.</summary>
    public sealed class AlwaysAvailable : IRequestTransportCheck
    {
        public RequestTransportReadiness Check(RuntimeBackend backend, TransportInputs inputs, TransportValidation validation) =>
            RequestTransportReadiness.Available;
    }

    /// <summary>Every text a status shows a person.</summary>
    public static IEnumerable<string> AllText(RuntimeStatus status) =>
        new[] { status.Message, status.ToString() }
            .Concat(status.Actions)
            .Concat(status.Warnings)
            .Concat(status.Problems.Select(p => p.Message))
            .Concat(status.Details.Select(d => d.Value));
}
