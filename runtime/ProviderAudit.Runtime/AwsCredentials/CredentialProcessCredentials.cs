using System.Globalization;
using System.Text.Json;
using Amazon.Runtime;
using ProviderAudit.Runtime.Processes;
using ProviderAudit.Runtime.Secrets;

namespace ProviderAudit.Runtime.AwsCredentials;

/// <summary>
/// A profile's <c>credential_process</c>, as AWSSDK.Core's <see cref="RefreshingAWSCredentials"/> (its caching and
/// expiry handling) with the command run as an owned process tree (<see cref="IProcessRunner"/>): under the chain's
/// deadline, killed whole when it is cut short or this process exits, with exactly the runtime's environment, and what
/// it prints on failure shown only through the scrubber.
/// </summary>
/// <remarks>
/// AWSSDK.Core's <see cref="ProcessAWSCredentials"/> runs the same <c>sh -c</c> command line but with this process's
/// environment, no deadline (an abandoned wait leaves the tree running), and puts the command's standard error, and
/// .NET's own exception text for output it cannot parse, into its exception message.
/// </remarks>
internal sealed class CredentialProcessCredentials : RefreshingAWSCredentials
{
    /// <summary>The caller's cancellation, for the run in progress (the SDK's refresh API has no token to pass it in).</summary>
    public static readonly AsyncLocal<CancellationToken> Cancellation = new();

    private const int MessageTailLines = 3;

    private readonly string _command;
    private readonly string _profile;
    private readonly IReadOnlyDictionary<string, string> _environment;
    private readonly IProcessRunner _runner;
    private readonly TimeSpan _timeout;

    public CredentialProcessCredentials(string command, string profile, IReadOnlyDictionary<string, string> environment, IProcessRunner runner, TimeSpan timeout)
    {
        _command = command.Trim();
        _profile = profile;
        _environment = environment;
        _runner = runner;
        _timeout = timeout;
    }

    /// <summary>The setting a failure is about.</summary>
    public string Setting => $"credential_process of profile [{_profile}]";

    protected override CredentialsRefreshState GenerateNewCredentials() => Task.Run(GenerateNewCredentialsAsync).GetAwaiter().GetResult();

    protected override async Task<CredentialsRefreshState> GenerateNewCredentialsAsync()
    {
        var scrubber = SecretScrubber.For(_environment);
        var result = await _runner.RunAsync(new ProcessCommand(_command, _environment, _timeout), Cancellation.Value).ConfigureAwait(false);
        if (result.Failure(_timeout) is { } failure)
        {
            // Standard output may hold credentials: only the tail of the output, scrubbed, is shown.
            var tail = result.OutputTail.Skip(Math.Max(0, result.OutputTail.Count - MessageTailLines)).Select(scrubber.Apply).ToList();
            // The chain words it as "<source> did not yield AWS credentials: <this>" and adds the fix.
            throw new ProcessAWSCredentialException(scrubber.Apply(
                $"its credential_process `{_command}` {failure}" + (tail.Count > 0 ? "; last output: " + string.Join(" | ", tail) : "; it printed nothing")));
        }

        var output = CredentialProcessOutput.Parse(result.StandardOutput, Setting);
        return new CredentialsRefreshState(new ImmutableCredentials(output.AccessKeyId, output.SecretAccessKey, output.SessionToken),
            output.Expiration?.UtcDateTime ?? DateTime.MaxValue);
    }
}

/// <summary>
/// The JSON a <c>credential_process</c> prints (AWS SDKs and Tools reference): <c>{"Version": 1, "AccessKeyId", "SecretAccessKey",
/// "SessionToken"?, "Expiration"?}</c>. Messages name what is wrong and never echo the output (it holds secrets).
/// </summary>
internal static class CredentialProcessOutput
{
    public sealed record Credentials(string AccessKeyId, string SecretAccessKey, string? SessionToken, DateTimeOffset? Expiration);

    /// <exception cref="AwsCredentialException">Not that JSON, a version other than 1, or a missing or malformed field.</exception>
    public static Credentials Parse(string output, string setting)
    {
        JsonElement root;
        try
        {
            using var document = JsonDocument.Parse(output, new JsonDocumentOptions { AllowTrailingCommas = true });
            root = document.RootElement.Clone();
        }
        catch (JsonException)
        {
            throw Malformed(setting, "its output is not JSON");
        }

        if (root.ValueKind != JsonValueKind.Object)
        {
            throw Malformed(setting, "its output is not a JSON object");
        }

        if (!root.TryGetProperty("Version", out var version))
        {
            throw Malformed(setting, "\"Version\" is missing (it must be 1)");
        }

        if (version.ValueKind != JsonValueKind.Number || !version.TryGetInt32(out var number) || number != 1)
        {
            throw Malformed(setting, $"\"Version\" is {Describe(version)}; the only version AWS tools read is the number 1");
        }

        var expiration = String(root, "Expiration", setting, required: false) is { } text
            ? DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var parsed)
                ? parsed
                : throw Malformed(setting, "\"Expiration\" is not an ISO 8601 date-time")
            : (DateTimeOffset?)null;
        return new Credentials(
            String(root, "AccessKeyId", setting, required: true)!,
            String(root, "SecretAccessKey", setting, required: true)!,
            String(root, "SessionToken", setting, required: false),
            expiration);
    }

    private static string? String(JsonElement root, string name, string setting, bool required)
    {
        if (!root.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return required ? throw Malformed(setting, $"\"{name}\" is missing") : null;
        }

        if (value.ValueKind != JsonValueKind.String)
        {
            throw Malformed(setting, $"\"{name}\" is not a string");
        }

        var text = value.GetString()!.Trim();
        return text.Length > 0 ? text : required ? throw Malformed(setting, $"\"{name}\" is empty") : null;
    }

    private static string Describe(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Number => value.GetRawText().Length <= 8 ? value.GetRawText() : "a number",
        JsonValueKind.String => "a string",
        _ => value.ValueKind.ToString().ToLowerInvariant(),
    };

    private static AwsCredentialException Malformed(string setting, string what) =>
        new(AwsCredentialProblem.Invalid, setting,
            $"The {setting} printed something AWS tools cannot use: {what}. It must print {{\"Version\": 1, \"AccessKeyId\": …, \"SecretAccessKey\": …, "
            + "\"SessionToken\": …, \"Expiration\": …}} (SessionToken and Expiration for temporary credentials).");
}
