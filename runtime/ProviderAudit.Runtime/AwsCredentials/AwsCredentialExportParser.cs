using System.Globalization;
using System.Text.Json;

namespace ProviderAudit.Runtime.AwsCredentials;

/// <summary>
/// Reads the output of an <c>awsCredentialExport</c> command: the nested
/// <c>{"Credentials":{"AccessKeyId","SecretAccessKey","SessionToken","Expiration"}}</c> shape
/// (<c>aws sts …</c> style) or the flat <c>aws configure export-credentials --format process</c> shape.
/// Messages never echo the output: it holds secrets.
/// </summary>
internal static class AwsCredentialExportParser
{
    private const string Setting = "awsCredentialExport";

    /// <summary>Parses <paramref name="output"/>.</summary>
    /// <exception cref="AwsCredentialException">The output is not one of the two shapes, or a field is missing or malformed.</exception>
    public static AwsSessionCredentials Parse(string output)
    {
        JsonElement root;
        try
        {
            using var document = JsonDocument.Parse(output);
            root = document.RootElement.Clone();
        }
        catch (JsonException)
        {
            throw Malformed("its output is not JSON");
        }

        if (root.ValueKind != JsonValueKind.Object)
        {
            throw Malformed("its output is not a JSON object");
        }

        var credentials = root.TryGetProperty("Credentials", out var nested) ? nested : root;
        if (credentials.ValueKind != JsonValueKind.Object)
        {
            throw Malformed("\"Credentials\" is not an object");
        }

        var accessKeyId = RequiredString(credentials, "AccessKeyId");
        var secret = RequiredString(credentials, "SecretAccessKey");
        var token = OptionalString(credentials, "SessionToken");
        DateTimeOffset? expiration = null;
        if (OptionalString(credentials, "Expiration") is { } text)
        {
            if (!DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var parsed))
            {
                throw Malformed("\"Expiration\" is not an ISO 8601 date-time");
            }

            expiration = parsed;
        }

        return new AwsSessionCredentials(accessKeyId, secret, token, expiration, "awsCredentialExport command");
    }

    private static string RequiredString(JsonElement element, string name) =>
        OptionalString(element, name) ?? throw Malformed($"\"{name}\" is missing or empty");

    private static string? OptionalString(JsonElement element, string name)
    {
        if (!element.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.String)
        {
            throw Malformed($"\"{name}\" is not a string");
        }

        var text = value.GetString();
        return string.IsNullOrWhiteSpace(text) ? null : text.Trim();
    }

    private static AwsCredentialException Malformed(string what) =>
        new(AwsCredentialProblem.Invalid, Setting,
            $"The awsCredentialExport command's output is not usable: {what}. It must print {{\"Credentials\":{{\"AccessKeyId\":…,\"SecretAccessKey\":…,\"SessionToken\":…,\"Expiration\":…}}}} "
            + "or the flat form of `aws configure export-credentials --format process`.");
}
