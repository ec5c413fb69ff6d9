using System.Text;

namespace ProviderAudit.Runtime.Tests.Properties;

/// <summary>What the stub for a host command (<c>awsAuthRefresh</c> / <c>awsCredentialExport</c>) does when run.</summary>
/// <param name="ExitCode">Its exit code.</param>
/// <param name="Output">The lines it prints (secrets included, in the shapes the scrubber documents).</param>
internal sealed record CommandBehaviour(int ExitCode, IReadOnlyList<string> Output);

/// <summary>
/// One generated input: a launch target, a process environment, a settings <c>env</c> block and host commands, plus
/// every secret token the case holds (in variables, in fixture files, in command output). Path values start with
/// <see cref="Root"/>, which stands for the suite's temporary directory, so a case prints and replays the same on any
/// machine and never names the machine's own files.
/// </summary>
internal sealed record PropertyCase(
    LaunchTarget Target,
    IReadOnlyDictionary<string, string> Environment,
    IReadOnlyDictionary<string, string> SettingsEnv,
    CommandBehaviour? AwsAuthRefresh,
    CommandBehaviour? AwsCredentialExport,
    IReadOnlyList<string> Secrets)
{
    /// <summary>Stands for the suite's temporary directory in path values.</summary>
    public const string Root = "{ROOT}";

    public const string RefreshCommand = "aws sso login --profile cc";
    public const string ExportCommand = "print-aws-credentials --profile cc";

    public bool HasSettings => SettingsEnv.Count > 0 || AwsAuthRefresh is not null || AwsCredentialExport is not null;

    /// <summary>The environment the runtime decides from, computed here independently of <c>HostEnvironment</c>.</summary>
    public IReadOnlyDictionary<string, string> Effective()
    {
        var merged = new Dictionary<string, string>(Environment, StringComparer.Ordinal);
        if (Target is LaunchTarget.ClaudeCode)
        {
            foreach (var (name, value) in SettingsEnv)
            {
                merged[name] = value;
            }
        }

        return merged;
    }

    public override string ToString()
    {
        var builder = new StringBuilder();
        builder.AppendLine($"target: {Target.Name()}");
        builder.AppendLine("environment:");
        foreach (var (name, value) in Environment.OrderBy(kv => kv.Key, StringComparer.Ordinal))
        {
            builder.AppendLine($"  {name}={Literal(value)}");
        }

        if (HasSettings)
        {
            builder.AppendLine("settings:");
            foreach (var (name, value) in SettingsEnv.OrderBy(kv => kv.Key, StringComparer.Ordinal))
            {
                builder.AppendLine($"  env.{name}={Literal(value)}");
            }

            if (AwsAuthRefresh is { } refresh)
            {
                builder.AppendLine($"  awsAuthRefresh: exit {refresh.ExitCode}, prints {string.Join(" | ", refresh.Output.Select(Literal))}");
            }

            if (AwsCredentialExport is { } export)
            {
                builder.AppendLine($"  awsCredentialExport: exit {export.ExitCode}, prints {string.Join(" | ", export.Output.Select(Literal))}");
            }
        }

        builder.AppendLine($"secrets: {string.Join(", ", Secrets.Select(Literal))}");
        return builder.ToString();
    }

    /// <summary>A C#-style literal, so control characters show in the printed case; over-long values are abbreviated.</summary>
    public static string Literal(string value)
    {
        if (value.Length > 160)
        {
            return $"{Literal(value[..80])}…({value.Length} characters)";
        }

        var builder = new StringBuilder("\"");
        foreach (var c in value)
        {
            builder.Append(c switch
            {
                '"' => "\\\"",
                '\\' => "\\\\",
                '\n' => "\\n",
                '\r' => "\\r",
                '\t' => "\\t",
                _ when char.IsControl(c) || c > '~' => $"\\u{(int)c:x4}",
                _ => c.ToString(),
            });
        }

        return builder.Append('"').ToString();
    }
}
