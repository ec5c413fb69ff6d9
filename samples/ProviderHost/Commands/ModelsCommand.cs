using System.Text.Encodings.Web;
using System.Text.Json;
using ProviderAudit.Runtime;

namespace ProviderHost.Commands;

/// <summary><c>models</c>: the catalog with wire ids, availability and tool support for the resolved backend.</summary>
public sealed class ModelsCommand : IHostCommand
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <inheritdoc />
    public string Name => "models";

    /// <inheritdoc />
    public string Usage => "models [--settings PATH] [--json]";

    /// <inheritdoc />
    public int Run(IReadOnlyList<string> args, HostContext context)
    {
        var line = CommandLine.Parse(Name, args, ["--json"], ["--settings"]);
        if (line.Positionals.Count > 0 || line.Rest is not null)
        {
            throw new UsageException($"models: unexpected argument '{line.Positionals.FirstOrDefault() ?? "--"}'. Usage: {Usage}");
        }

        var settings = HostContext.LoadSettings(line.Value("--settings"));
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

        if (line.Has("--json"))
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
            context.Stdout.WriteLine($"Pinned: {variable}={wireId}");
        }

        return ExitCodes.Ok;
    }
}
