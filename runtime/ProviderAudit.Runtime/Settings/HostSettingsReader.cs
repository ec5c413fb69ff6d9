using System.Globalization;
using System.Text.Json;

namespace ProviderAudit.Runtime.Settings;

/// <summary>Reads Claude Code–style settings JSON. Unknown keys are ignored (Claude Code settings have many).</summary>
public static class HostSettingsReader
{
    private static readonly JsonDocumentOptions DocumentOptions = new()
    {
        AllowTrailingCommas = false,
        CommentHandling = JsonCommentHandling.Disallow,
    };

    /// <summary>Reads and validates the settings file at <paramref name="path"/>.</summary>
    /// <exception cref="HostSettingsException">Missing file, malformed JSON (with line and position) or a wrongly typed setting.</exception>
    public static HostSettings Read(string path)
    {
        // Only a regular file within the cap, within the deadline: a FIFO or /dev/zero here must not hang or exhaust the host.
        var read = BoundedFile.Read(path, "Settings file", "--settings", BoundedFile.SettingsFileCap);
        if (read.Problem is { } problem)
        {
            throw new HostSettingsException(path, problem);
        }

        if (read.Content is not { } content)
        {
            throw new HostSettingsException(path, $"Settings file not found: {path}. Check the path given with --settings.");
        }

        string json;
        try
        {
            json = new System.Text.UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true).GetString(content).TrimStart('\uFEFF');
        }
        catch (System.Text.DecoderFallbackException ex)
        {
            throw new HostSettingsException(path, $"Settings file {path} is not UTF-8 text: save it as UTF-8.", inner: ex);
        }

        return Parse(json, path);
    }

    /// <summary>Parses settings JSON; <paramref name="sourceName"/> names the source in errors.</summary>
    /// <exception cref="HostSettingsException">Malformed JSON (with line and position) or a wrongly typed setting.</exception>
    public static HostSettings Parse(string json, string sourceName)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, DocumentOptions);
        }
        catch (JsonException ex)
        {
            // JsonException counts from 0; editors count from 1.
            var line = (ex.LineNumber ?? 0) + 1;
            var position = (ex.BytePositionInLine ?? 0) + 1;
            throw new HostSettingsException(
                sourceName,
                $"Settings file {sourceName} is not valid JSON (line {line}, position {position}): {FirstSentence(ex.Message)} Fix the JSON syntax there.",
                line,
                position,
                ex);
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw new HostSettingsException(sourceName, $"Settings file {sourceName} must contain a JSON object ({{ … }}), found {Describe(root.ValueKind)}.");
            }

            return new HostSettings(
                OptionalString(root, "awsAuthRefresh", sourceName, "a shell command such as \"aws sso login --profile cc\""),
                OptionalString(root, "awsCredentialExport", sourceName, "a shell command that prints AWS credentials as JSON"),
                ReadEnv(root, sourceName),
                sourceName,
                OptionalString(root, "model", sourceName, "a model id such as \"claude-sonnet-4-6\" or an alias such as \"opus\""));
        }
    }

    private static string? OptionalString(JsonElement root, string name, string source, string expected)
    {
        if (!root.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.String)
        {
            throw new HostSettingsException(source, $"Settings file {source}: \"{name}\" must be a string ({expected}), found {Describe(value.ValueKind)}.");
        }

        return value.GetString();
    }

    private static Dictionary<string, string> ReadEnv(JsonElement root, string source)
    {
        var env = new Dictionary<string, string>(StringComparer.Ordinal);
        if (!root.TryGetProperty("env", out var block) || block.ValueKind == JsonValueKind.Null)
        {
            return env;
        }

        if (block.ValueKind != JsonValueKind.Object)
        {
            throw new HostSettingsException(source, $"Settings file {source}: \"env\" must be an object of variable names to string values, found {Describe(block.ValueKind)}.");
        }

        foreach (var property in block.EnumerateObject())
        {
            // Claude Code's settings docs write values as strings, but people write `"CLAUDE_CODE_USE_BEDROCK": 1`;
            // numbers and booleans are accepted as their JSON text, anything else is an error naming the key.
            env[property.Name] = property.Value.ValueKind switch
            {
                JsonValueKind.String => property.Value.GetString()!,
                JsonValueKind.Number => property.Value.GetRawText(),
                JsonValueKind.True => "true",
                JsonValueKind.False => "false",
                _ => throw new HostSettingsException(
                    source,
                    $"Settings file {source}: env.{property.Name} must be a string, found {Describe(property.Value.ValueKind)}. Write it as \"{property.Name}\": \"value\".")
            };
        }

        return env;
    }

    private static string Describe(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        JsonValueKind.Null => "null",
        _ => kind.ToString().ToLower(CultureInfo.InvariantCulture),
    };

    // System.Text.Json appends "Path: $ | LineNumber: … | BytePositionInLine: …", which we already say in our own words.
    private static string FirstSentence(string message)
    {
        var cut = message.IndexOf(" Path:", StringComparison.Ordinal);
        var text = (cut >= 0 ? message[..cut] : message).Trim();
        return text.EndsWith('.') ? text : text + ".";
    }
}
