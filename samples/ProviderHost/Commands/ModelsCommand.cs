using System.CommandLine;
using System.Text.Encodings.Web;
using System.Text.Json;
using ProviderAudit.Runtime;
using ProviderAudit.Runtime.Backends;
using ProviderAudit.Runtime.Catalog;
using ProviderAudit.Runtime.Launch;
using ProviderAudit.Runtime.Settings;

namespace ProviderHost.Commands;

/// <summary><c>models</c>: the catalog with wire ids, availability and tool support for the resolved backend.</summary>
public sealed class ModelsCommand : IHostCommand
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <inheritdoc />
    public Command Create(HostContext context)
    {
        var settings = HostOptions.Settings();
        var json = HostOptions.Flag("--json", "Print one JSON object (backend, modelIdFormat, pins, models).");
        var command = new Command("models", "The model catalog for the backend claude-code would use: wire ids, availability, tool and beta support, and model pins.")
        {
            settings, json,
        };
        command.SetAction(parse => Run(context, HostContext.LoadSettings(parse.GetValue(settings)), parse.GetValue(json)));
        return command;
    }

    private static int Run(HostContext context, HostSettings settings, bool asJson)
    {
        var backend = BackendResolver.Resolve(context.Environment, settings, LaunchTarget.ClaudeCode).Backend!;
        var catalog = ModelCatalog.Default;
        var pins = ModelPins.From(HostEnvironment.For(context.Environment, settings, LaunchTarget.ClaudeCode));
        var models = catalog.Models.Select(m => new
        {
            id = m.Id,
            aliases = m.Aliases,
            family = m.Family,
            displayName = m.DisplayName,
            wireId = ModelCatalog.WireId(m, backend),
            available = ModelCatalog.IsAvailable(m, backend),
            tools = ModelCatalog.SupportsTools(m, backend),
            betas = m.Betas.Where(b => ModelCatalog.SupportsBeta(m, b.Name, backend)).Select(b => b.Name).ToArray(),
        }).ToArray();

        if (asJson)
        {
            context.Stdout.WriteLine(JsonSerializer.Serialize(new
            {
                backend = backend.Id,
                modelIdFormat = backend.ModelIdFormat.Kind.ToString(),
                pins = pins.Set().ToDictionary(p => p.Variable, p => p.WireId, StringComparer.Ordinal),
                models,
            }, Json));
            return ExitCodes.Ok;
        }

        context.Stdout.WriteLine($"Backend: {backend.DisplayName} ({backend.Id}), model ids: {backend.ModelIdFormat.Kind}");
        context.Stdout.WriteLine();
        foreach (var model in models)
        {
            var aliases = model.aliases.Count > 0 ? $" (alias {string.Join(", ", model.aliases)})" : "";
            context.Stdout.WriteLine($"{model.id}{aliases}");
            context.Stdout.WriteLine($"    wire id: {model.wireId}   available: {(model.available ? "yes" : "no")}   tools: {(model.tools ? "yes" : "no")}");
            if (model.betas.Length > 0)
            {
                context.Stdout.WriteLine($"    betas:   {string.Join(", ", model.betas)}");
            }
        }

        foreach (var (variable, wireId) in pins.Set())
        {
            // A pin that is not an id of this backend may hold anything (a line break, a pasted secret): it is named, not shown.
            context.Stdout.WriteLine(backend.TryParseWireId(wireId, out _)
                ? $"Pinned: {variable}={wireId}"
                : $"Pinned: {variable} is not a {backend.DisplayName} model id ({backend.ModelIdFormat.Kind} format); `ProviderHost status` says why.");
        }

        return ExitCodes.Ok;
    }
}
