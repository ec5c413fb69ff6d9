using System.Globalization;
using System.Text.Json;

namespace ProviderAudit.Benchmarks.Transport;

/// <summary>
/// Temporary AWS credentials handed to the CPA client through the public <c>awsCredentialExport</c> setting: a shell
/// command that appends a line to a counter file and prints the current credentials. Every run of the command is one
/// credential resolution, counted without looking inside the runtime.
/// </summary>
internal sealed class CredentialExport : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("provider-audit-bench-").FullName;

    public CredentialExport(string accessKeyId, string secretAccessKey)
    {
        AccessKeyId = accessKeyId;
        SecretAccessKey = secretAccessKey;
    }

    public string AccessKeyId { get; }

    public string SecretAccessKey { get; }

    private string CredentialsFile => Path.Combine(_directory, "credentials.json");

    private string CounterFile => Path.Combine(_directory, "resolutions");

    /// <summary>The command line for <c>awsCredentialExport</c>.</summary>
    public string Command => $"echo x >> '{CounterFile}'; cat '{CredentialsFile}'";

    /// <summary>How many times the command ran.</summary>
    public int Resolutions => File.Exists(CounterFile) ? File.ReadAllLines(CounterFile).Length : 0;

    /// <summary>What the next run prints: these keys, valid until <paramref name="expiration"/>.</summary>
    public void Issue(DateTimeOffset expiration) => File.WriteAllText(CredentialsFile, JsonSerializer.Serialize(new
    {
        Credentials = new
        {
            AccessKeyId,
            SecretAccessKey,
            SessionToken = "bench-session-token",
            Expiration = expiration.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture),
        },
    }));

    public void Dispose() => Directory.Delete(_directory, recursive: true);
}
