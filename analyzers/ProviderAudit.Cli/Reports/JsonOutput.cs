using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ProviderAudit.Cli.Reports;

/// <summary>How every JSON document the tool writes is serialized: indented, readable characters, LF line ends.</summary>
internal static class JsonOutput
{
    private static readonly JsonSerializerOptions Options = new()
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static void Write(TextWriter writer, JsonNode document) =>
        writer.Write(document.ToJsonString(Options).ReplaceLineEndings("\n") + "\n");
}
