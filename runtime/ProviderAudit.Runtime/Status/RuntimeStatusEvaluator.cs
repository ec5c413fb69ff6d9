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
        var pins = ModelPinChecks.Check(ModelPins.From(env, settings), backend, options.Models?.Known(backend, inputs));
        warnings.AddRange(pins.Where(p => p.IsProblem).Select(p => p.Message));
        var unavailable = TransportFacts.UnavailableAccountFeatures(backend.AuthTransport, backend.DisplayName);

        if (!validation.InputsValid)
        {
            var first = validation.Problems[0];
            var more = validation.Problems.Count > 1 ? $" ({validation.Problems.Count - 1} more problem{(validation.Problems.Count > 2 ? "s" : "")} listed below.)" : "";
            return Scrubbed(processEnvironment, env, new RuntimeStatus(
                target, backend, false,
                $"{backend.DisplayName} is not ready ({selection.Reason}): {first.Message}{more}",
                validation.Actions, warnings, validation.Problems, validation.Details, validation.BaseUri, pins, unavailable));
        }

        var readiness = options.RequestTransportCheck.Check(backend, inputs, validation);
        if (!readiness.Ready)
        {
            return Scrubbed(processEnvironment, env, new RuntimeStatus(
                target, backend, false,
                $"{backend.DisplayName} is not ready ({selection.Reason}): {readiness.Reason}",
                validation.Actions.Concat(readiness.Actions).Distinct(StringComparer.Ordinal).ToArray(),
                warnings, [], validation.Details, validation.BaseUri, pins, unavailable));
        }

        var auth = validation.Details.FirstOrDefault(d => d.Key == "auth").Value;
        return Scrubbed(processEnvironment, env, new RuntimeStatus(
            target, backend, true,
            $"Ready: {backend.DisplayName} ({selection.Reason}){(auth is null ? "" : $", auth: {auth}")}; requests go to {validation.BaseUri}.",
            validation.Actions, warnings, [], validation.Details, validation.BaseUri, pins, unavailable));
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
            ScrubbedUri(status.BaseUri, S),
            status.Pins.Select(p => p with { Value = S(p.Value), Message = S(p.Message) }).ToArray(),
            status.UnavailableFeatures);
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
