namespace ProviderAudit.Runtime.Settings;

/// <summary>
/// The parts of a Claude Code–style <c>settings.json</c> the runtime uses. Its <see cref="Env"/> block applies on top of
/// the process environment for Anthropic-compatible targets (see <see cref="HostEnvironment"/>).
/// </summary>
public sealed class HostSettings
{
    /// <summary>Creates settings; <paramref name="env"/> is copied.</summary>
    public HostSettings(
        string? awsAuthRefresh = null,
        string? awsCredentialExport = null,
        IReadOnlyDictionary<string, string>? env = null,
        string? sourcePath = null,
        string? model = null)
    {
        // Kept as written (not trimmed): Claude Code sends it as written, so a padded value is checked, and warned about, as is.
        Model = model;
        AwsAuthRefresh = string.IsNullOrWhiteSpace(awsAuthRefresh) ? null : awsAuthRefresh.Trim();
        AwsCredentialExport = string.IsNullOrWhiteSpace(awsCredentialExport) ? null : awsCredentialExport.Trim();
        var copy = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, value) in env ?? new Dictionary<string, string>())
        {
            copy[name] = value;
        }

        Env = copy;
        SourcePath = sourcePath;
    }

    /// <summary>No settings file: nothing configured.</summary>
    public static HostSettings Empty { get; } = new();

    /// <summary>Command that refreshes AWS credentials, e.g. <c>aws sso login --profile cc</c>.</summary>
    public string? AwsAuthRefresh { get; }

    /// <summary>Command that prints AWS credentials as JSON (<c>{"Credentials":{…}}</c>).</summary>
    public string? AwsCredentialExport { get; }

    /// <summary>The settings' <c>model</c>: the model Claude Code starts with (an alias such as <c>opus</c>, or a model id).</summary>
    public string? Model { get; }

    /// <summary>The settings' <c>env</c> block.</summary>
    public IReadOnlyDictionary<string, string> Env { get; }

    /// <summary>The file these settings came from, if any.</summary>
    public string? SourcePath { get; }

    /// <summary>Model pins from these settings only: their <c>env</c> block and <c>model</c> (the effective pins also see the process env).</summary>
    public ModelPins ModelPins => ModelPins.From(Env, this);

    /// <summary>Names only: the env block may hold secrets.</summary>
    public override string ToString() =>
        $"HostSettings(source: {SourcePath ?? "none"}, awsAuthRefresh: {(AwsAuthRefresh is null ? "unset" : "set")}, " +
        $"awsCredentialExport: {(AwsCredentialExport is null ? "unset" : "set")}, model: {(Model is null ? "unset" : "set")}, env: [{string.Join(", ", Env.Keys.Order(StringComparer.Ordinal))}])";
}
