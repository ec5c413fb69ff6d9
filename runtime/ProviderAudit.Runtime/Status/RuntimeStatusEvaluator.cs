using ProviderAudit.Runtime.Backends;
using ProviderAudit.Runtime.Catalog;
using ProviderAudit.Runtime.Launch;
using ProviderAudit.Runtime.Secrets;
using ProviderAudit.Runtime.Settings;

namespace ProviderAudit.Runtime.Status;

/// <summary>Computes <see cref="RuntimeStatus"/>: selection, then the transport's validation, then the request transport check.</summary>
public static class RuntimeStatusEvaluator
{
    /// <summary>The status of <paramref name="target"/> for this process environment and these settings.</summary>
    public static RuntimeStatus Evaluate(
        IReadOnlyDictionary<string, string> processEnvironment,
        HostSettings settings,
        LaunchTarget target,
        RuntimeStatusOptions? options = null)
    {
        options ??= RuntimeStatusOptions.Default;
        var selection = BackendResolver.Resolve(processEnvironment, settings, target);
        var env = HostEnvironment.For(processEnvironment, settings, target);
        var warnings = new List<string>(selection.Warnings);
        var backend = selection.Backend;
        if (backend is null)
        {
            return Scrubbed(processEnvironment, env, new RuntimeStatus(
                target, null, true,
                $"{target.Name()} does not use a Claude backend; it is launched with its own variables only.",
                [], warnings, [], [], null));
        }

        var overridden = target.IsAnthropicCompatible() ? HostEnvironment.OverriddenBySettings(processEnvironment, settings) : [];
        if (overridden.Count > 0)
        {
            warnings.Add($"Settings ({settings.SourcePath ?? "host settings"}) override the process environment for {string.Join(", ", overridden)}.");
        }

        var inputs = new TransportInputs(env, settings, options.FileExists, target, options.Clock);
        var validation = backend.Validate(inputs);
        warnings.AddRange(validation.Warnings);
        warnings.AddRange(PinWarnings(env, backend));

        if (!validation.InputsValid)
        {
            var first = validation.Problems[0];
            var more = validation.Problems.Count > 1 ? $" ({validation.Problems.Count - 1} more problem{(validation.Problems.Count > 2 ? "s" : "")} listed below.)" : "";
            return Scrubbed(processEnvironment, env, new RuntimeStatus(
                target, backend, false,
                $"{backend.DisplayName} is not ready ({selection.Reason}): {first.Message}{more}",
                validation.Actions, warnings, validation.Problems, validation.Details, validation.BaseUri));
        }

        var readiness = options.RequestTransportCheck.Check(backend, inputs, validation);
        if (!readiness.Ready)
        {
            return Scrubbed(processEnvironment, env, new RuntimeStatus(
                target, backend, false,
                $"{backend.DisplayName} is not ready ({selection.Reason}): {readiness.Reason}",
                validation.Actions.Concat(readiness.Actions).Distinct(StringComparer.Ordinal).ToArray(),
                warnings, [], validation.Details, validation.BaseUri));
        }

        var auth = validation.Details.FirstOrDefault(d => d.Key == "auth").Value;
        return Scrubbed(processEnvironment, env, new RuntimeStatus(
            target, backend, true,
            $"Ready: {backend.DisplayName} ({selection.Reason}){(auth is null ? "" : $", auth: {auth}")}; requests go to {validation.BaseUri}.",
            validation.Actions, warnings, [], validation.Details, validation.BaseUri));
    }

    // A pin written for another backend's format would be sent as-is and fail at request time; say so now.
    private static IEnumerable<string> PinWarnings(IReadOnlyDictionary<string, string> env, RuntimeBackend backend)
    {
        foreach (var (variable, wireId) in ModelPins.From(env).Set())
        {
            if (InputChecks.HasWhitespaceOrControl(wireId))
            {
                yield return $"{variable}={DisplayText.Quote(wireId)} has whitespace or control characters (a line break from copying?): the launched tool " +
                    "receives the pin as written, so its requests would name no model; set it to the model id alone, on one line.";
            }
            else if (!backend.TryParseWireId(wireId, out _))
            {
                yield return $"{variable}={DisplayText.Quote(wireId)} is not a {backend.DisplayName} model id ({backend.ModelIdFormat.Kind} format); " +
                    $"set it to an id such as {backend.ToWireId(ModelCatalog.Default.Models[0])}.";
            }
        }
    }

    // The exit point of every status: whatever a message quoted, nothing secret and no raw control character leaves.
    private static RuntimeStatus Scrubbed(IReadOnlyDictionary<string, string> processEnvironment, IReadOnlyDictionary<string, string> env, RuntimeStatus status)
    {
        var scrubber = SecretScrubber.For(processEnvironment, env);
        string S(string text) => scrubber.Apply(text);
        return new RuntimeStatus(
            status.Target, status.Backend, status.Ready, S(status.Message),
            status.Actions.Select(S).ToArray(),
            status.Warnings.Select(S).ToArray(),
            status.Problems.Select(p => p with { Message = S(p.Message) }).ToArray(),
            status.Details.Select(d => new KeyValuePair<string, string>(d.Key, S(d.Value))).ToArray(),
            ScrubbedUri(status.BaseUri, S));
    }

    // A base URL can carry a pasted secret in its path; then only its scrubbed form is kept.
    private static Uri? ScrubbedUri(Uri? uri, Func<string, string> scrub)
    {
        if (uri is null)
        {
            return null;
        }

        var text = uri.ToString();
        var scrubbed = scrub(text);
        return string.Equals(text, scrubbed, StringComparison.Ordinal) ? uri
            : Uri.TryCreate(scrubbed, UriKind.Absolute, out var safe) ? safe
            : null;
    }
}
