using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using ProviderAudit.Runtime;
using ProviderAudit.Runtime.Launch;
using ProviderAudit.Runtime.Status;

namespace ProviderHost.Commands;

/// <summary>Writes a <see cref="RuntimeStatus"/> as text or as one JSON object.</summary>
internal static class StatusReport
{
    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        // A terminal, not an HTML page: keep <, > and ` readable.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    };

    public static void WriteJson(RuntimeStatus status, TextWriter output)
    {
        var document = new
        {
            target = status.Target.Name(),
            backend = status.Backend?.Id,
            backendName = status.Backend?.DisplayName,
            telemetryLabel = status.Backend?.TelemetryLabel,
            ready = status.Ready,
            message = status.Message,
            actions = status.Actions,
            warnings = status.Warnings,
            problems = status.Problems.Select(p => new { variable = p.Variable, message = p.Message }),
            details = status.Details.ToDictionary(d => d.Key, d => d.Value, StringComparer.Ordinal),
            modelIdFormat = status.Backend?.ModelIdFormat.Kind.ToString(),
            authTransport = status.Backend?.AuthTransport.Kind.ToString(),
            baseUrl = status.BaseUri?.ToString(),
            pins = status.Pins.Select(p => new { source = p.Source, value = p.Value, verdict = p.Kind.ToString(), problem = p.IsProblem, message = p.Message, useInstead = p.UseInstead }),
            unavailableFeatures = status.UnavailableFeatures,
        };
        output.WriteLine(JsonSerializer.Serialize(document, Json));
    }

    public static void WriteText(RuntimeStatus status, TextWriter output)
    {
        output.WriteLine($"Target:         {status.Target.Name()}");
        output.WriteLine($"Backend:        {(status.Backend is null ? "none" : $"{status.Backend.DisplayName} ({status.Backend.Id})")}");
        if (status.Backend is not null)
        {
            output.WriteLine($"Model ids:      {status.Backend.ModelIdFormat.Kind}");
            output.WriteLine($"Auth transport: {status.Backend.AuthTransport.Kind}");
        }

        foreach (var (key, value) in status.Details)
        {
            output.WriteLine($"{(key + ":").PadRight(15)} {value}");
        }

        output.WriteLine($"Ready:          {(status.Ready ? "yes" : "no")}");
        output.WriteLine();
        output.WriteLine(status.Message);
        WriteList(output, "Problems", status.Problems.Skip(1).Select(p => p.Message).ToArray());
        WriteList(output, "Actions", status.Actions);
        WriteList(output, "Warnings", status.Warnings);
        WriteList(output, "Model pins", status.Pins.Select(p => $"{(p.IsProblem ? "problem" : "ok")}: {p.Message}").ToArray());
        WriteList(output, "Not available here", status.UnavailableFeatures);
    }

    public static void WriteList(TextWriter output, string title, IReadOnlyCollection<string> items)
    {
        if (items.Count == 0)
        {
            return;
        }

        output.WriteLine();
        output.WriteLine($"{title}:");
        foreach (var item in items)
        {
            output.WriteLine($"  - {item}");
        }
    }
}
