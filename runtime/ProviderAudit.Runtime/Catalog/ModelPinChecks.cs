using System.Text.RegularExpressions;
using ProviderAudit.Runtime.Backends;
using ProviderAudit.Runtime.Secrets;
using ProviderAudit.Runtime.Settings;

namespace ProviderAudit.Runtime.Catalog;

/// <summary>
/// Checks each model pin against the selected backend's id format and, when known, its model list. A pin in another
/// backend's format is recognised by asking every backend's format to read it, and answered with the same model spelled
/// for the selected backend.
/// </summary>
public static partial class ModelPinChecks
{
    // Claude Code's model aliases, optionally with its 1M-context suffix.
    [GeneratedRegex(@"^(default|best|opus|sonnet|haiku|opusplan|inherit)(\[1m\])?\z", RegexOptions.CultureInvariant)]
    private static partial Regex Alias();

    /// <summary>Every set pin's verdict, in <see cref="ModelPins.Set"/> order.</summary>
    public static IReadOnlyList<ModelPinVerdict> Check(ModelPins pins, RuntimeBackend backend, BackendModels? known = null) =>
        pins.Set().Select(p => Check(p, backend, known)).ToArray();

    /// <summary>One pin's verdict.</summary>
    public static ModelPinVerdict Check(ModelPin pin, RuntimeBackend backend, BackendModels? known = null)
    {
        ArgumentNullException.ThrowIfNull(pin);
        ArgumentNullException.ThrowIfNull(backend);
        // A credential pasted into a pin is never carried as the verdict's value, as its message never quotes it: the
        // scrubbers know the secret variables' values, and a key split by a tab or line break would leave its tail shown.
        var verdict = Judge(pin, backend, known);
        return DisplayText.LooksLikeCredential(pin.Value) ? verdict with { Value = DisplayText.HiddenCredential } : verdict;
    }

    private static ModelPinVerdict Judge(ModelPin pin, RuntimeBackend backend, BackendModels? known)
    {
        var (source, value) = pin;
        var shown = $"{source}={DisplayText.Quote(value)}";
        if (InputChecks.HasWhitespaceOrControl(value))
        {
            return new(source, value, ModelPinVerdictKind.Malformed,
                $"{shown} has whitespace or control characters (a line break from copying?): the launched tool receives the pin as written, " +
                "so its requests would name no model; set it to the model id alone, on one line.", null);
        }

        if (pin.AcceptsAliases && Alias().IsMatch(value))
        {
            return new(source, value, ModelPinVerdictKind.Alias, $"{shown}: a Claude Code alias, turned into a {backend.DisplayName} model id by Claude Code.", null);
        }

        // Claude Code's 1M-context suffix is not part of the id.
        var id = value.EndsWith("[1m]", StringComparison.Ordinal) ? value[..^"[1m]".Length] : value;
        if (backend.TryParseWireId(id, out _))
        {
            if (known is { IsBackendList: true } && known.Availability(id) is { Available: false } missing)
            {
                var instead = Suggest(id, backend, known);
                return new(source, value, ModelPinVerdictKind.Unavailable, $"{shown}: {missing.Reason}", instead);
            }

            return new(source, value, ModelPinVerdictKind.Ok,
                known is { IsBackendList: true }
                    ? $"{shown}: listed by {backend.DisplayName}."
                    : $"{shown}: a {backend.DisplayName} model id ({backend.ModelIdFormat.Kind} format); not checked against a model list ({known?.Reason ?? "none known yet: run `models`"}).",
                null);
        }

        foreach (var other in RuntimeBackends.All)
        {
            if (other.ModelIdFormat.Kind != backend.ModelIdFormat.Kind && other.TryParseWireId(id, out var firstPartyId))
            {
                var model = ModelCatalog.Default.Find(firstPartyId) ?? CatalogModel.FromFirstPartyId(firstPartyId);
                var spelled = backend.ToWireId(model);
                string instead, note = "";
                if (known is { IsBackendList: true } && known.Availability(model.Id) is { } listed)
                {
                    // The same model, if this backend lists it; else its newest listed model of the same family.
                    instead = listed.WireId ?? Suggest(model.Id, backend, known) ?? spelled;
                    note = listed.Available ? "" : $" ({spelled} itself is not offered there)";
                }
                else
                {
                    instead = spelled;
                }

                return new(source, value, ModelPinVerdictKind.OtherFormat,
                    $"{shown} is in {other.DisplayName}'s model-id format ({other.ModelIdFormat.Kind}), but {backend.DisplayName} takes " +
                    $"{backend.ModelIdFormat.Kind} ids: set {source} to {instead}{note}.", instead);
            }
        }

        var example = known?.Models.FirstOrDefault()?.Id ?? backend.ToWireId(ModelCatalog.Default.Models[0]);
        return new(source, value, ModelPinVerdictKind.NotAnId,
            $"{shown} is not a {backend.DisplayName} model id ({backend.ModelIdFormat.Kind} format); set it to an id such as {example}.", null);
    }

    // The same family's newest listed model, when the pinned one is not listed.
    private static string? Suggest(string id, RuntimeBackend backend, BackendModels known)
    {
        var family = (ModelCatalog.Default.Find(id) ?? (backend.TryParseWireId(id, out var fp) ? ModelCatalog.Default.Find(fp) : null))?.Family;
        return family is null ? null : known.Models.FirstOrDefault(m => m.CatalogModel?.Family == family)?.Id;
    }
}
