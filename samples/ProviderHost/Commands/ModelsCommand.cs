using System.CommandLine;
using System.Text.Encodings.Web;
using System.Text.Json;
using ProviderAudit.Runtime;
using ProviderAudit.Runtime.Backends;
using ProviderAudit.Runtime.Catalog;
using ProviderAudit.Runtime.Launch;
using ProviderAudit.Runtime.Secrets;
using ProviderAudit.Runtime.Settings;

namespace ProviderHost.Commands;

/// <summary>
/// <c>models</c>: the models the resolved backend offers — its own <c>/v1/models</c> list where it has one (cached), else
/// the static catalog with the reason — with wire ids, tool and beta support, and every model pin's verdict.
/// </summary>
public sealed class ModelsCommand : IHostCommand
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <inheritdoc />
    public Command Create(HostContext context)
    {
        var settings = HostOptions.Settings();
        var json = HostOptions.Flag("--json", "Print one JSON object (backend, source, reason, models, notOffered, pins).");
        var command = new Command("models",
            "The models the backend claude-code would use offers (its /v1/models list where it has one, else the static catalog, saying why): wire ids, tool and beta support, and every model pin's verdict.")
        {
            settings, json,
        };
        command.SetAction(parse => RunAsync(context, HostContext.LoadSettings(parse.GetValue(settings)), parse.GetValue(json)).GetAwaiter().GetResult());
        return command;
    }

    private static async Task<int> RunAsync(HostContext context, HostSettings settings, bool asJson)
    {
        var backend = BackendResolver.Resolve(context.Environment, settings, LaunchTarget.ClaudeCode).Backend!;
        var env = HostEnvironment.For(context.Environment, settings, LaunchTarget.ClaudeCode);
        var inputs = new TransportInputs(env, settings, context.StatusOptions.FileExists);
        var offered = context.Models is { } catalog
            ? await catalog.GetAsync(backend, inputs).ConfigureAwait(false)
            : BackendModels.StaticCatalog(backend, "this host asks no backend for its models (no model catalog configured)");
        var pins = ModelPinChecks.Check(ModelPins.From(env, settings), backend, offered);
        string Scrub(string text) => SecretScrubber.Scrub(text, env);

        var models = offered.Models.Select(m => new
        {
            id = m.CatalogModel?.Id ?? m.Id,
            wireId = m.Id,
            displayName = m.DisplayName,
            family = m.CatalogModel?.Family,
            aliases = m.CatalogModel?.Aliases ?? [],
            available = true,
            tools = m.CatalogModel is { } known ? ModelCatalog.SupportsTools(known, backend) : backend.AuthTransport.Supports(TransportFeature.ToolUse),
            betas = m.CatalogModel is { } model ? model.Betas.Where(b => ModelCatalog.SupportsBeta(model, b.Name, backend)).Select(b => b.Name).ToArray() : [],
        }).ToArray();
        // Catalog models the backend's own list does not hold: unavailable here, whatever the static catalog says.
        var notOffered = offered.IsBackendList
            ? ModelCatalog.Default.Models.Where(m => !offered.IsAvailable(m)).Select(m => m.Id).ToArray()
            : [];
        var pinReports = pins.Select(p => new
        {
            source = p.Source,
            value = Scrub(p.Value),
            verdict = p.Kind.ToString(),
            problem = p.IsProblem,
            message = Scrub(p.Message),
            useInstead = p.UseInstead,
        }).ToArray();

        if (asJson)
        {
            context.Stdout.WriteLine(JsonSerializer.Serialize(new
            {
                backend = backend.Id,
                modelIdFormat = backend.ModelIdFormat.Kind.ToString(),
                source = offered.Source.ToString().ToLowerInvariant(),
                reason = offered.Reason,
                scope = offered.Scope,
                fetchedAt = offered.FetchedAt,
                models,
                notOffered,
                pins = pinReports,
            }, Json));
            return ExitCodes.Ok;
        }

        context.Stdout.WriteLine($"Backend: {backend.DisplayName} ({backend.Id}), model ids: {backend.ModelIdFormat.Kind}");
        context.Stdout.WriteLine($"Models:  {offered.Describe()}");
        context.Stdout.WriteLine();
        foreach (var model in models)
        {
            var aliases = model.aliases.Count > 0 ? $" (alias {string.Join(", ", model.aliases)})" : "";
            context.Stdout.WriteLine($"{model.id}{aliases}  {model.displayName}");
            context.Stdout.WriteLine($"    wire id: {model.wireId}   available: yes   tools: {(model.tools ? "yes" : "no")}");
            if (model.betas.Length > 0)
            {
                context.Stdout.WriteLine($"    betas:   {string.Join(", ", model.betas)}");
            }
        }

        if (notOffered.Length > 0)
        {
            context.Stdout.WriteLine();
            context.Stdout.WriteLine($"Not offered here (in the static catalog, not in {backend.DisplayName}'s list): {string.Join(", ", notOffered)}");
        }

        if (pinReports.Length > 0)
        {
            context.Stdout.WriteLine();
            context.Stdout.WriteLine("Pins:");
            foreach (var pin in pinReports)
            {
                context.Stdout.WriteLine($"  {(pin.problem ? "problem" : "ok     ")}  {pin.message}");
            }
        }

        return ExitCodes.Ok;
    }
}
