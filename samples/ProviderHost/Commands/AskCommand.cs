using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using Anthropic.Exceptions;
using Anthropic.Models.Messages;
using ProviderAudit.Runtime;
using ProviderAudit.Runtime.Backends;
using ProviderAudit.Runtime.Catalog;
using ProviderAudit.Runtime.Launch;
using ProviderAudit.Runtime.Requests;
using ProviderAudit.Runtime.Secrets;
using ProviderAudit.Runtime.Settings;

namespace ProviderHost.Commands;

/// <summary>
/// <c>ask &lt;prompt&gt;</c>: one Messages request through the resolved backend's request client (its official SDK
/// client), printing the answer's text. Exit 0 answered, 3 not ready / refused, 2 usage or configuration error.
/// </summary>
public sealed class AskCommand : IHostCommand
{
    private const long DefaultMaxTokens = 1024;

    /// <inheritdoc />
    public Command Create(HostContext context)
    {
        var prompt = new Argument<string>("prompt") { Description = "The user message to send (quote it; after -- it may start with -)." };
        prompt.Validators.Add(result =>
        {
            if (string.IsNullOrWhiteSpace(result.GetValueOrDefault<string>()))
            {
                result.AddError("The prompt is empty: give the message to send, e.g. ask \"Hello\".");
            }
        });
        var model = new Option<string?>("--model")
        {
            Description = "A catalog model or alias (sent as this backend's wire id), or a wire id in the backend's own format. Default: ANTHROPIC_DEFAULT_SONNET_MODEL, else claude-sonnet-4-6.",
            HelpName = "M",
        };
        var stream = HostOptions.Flag("--stream", "Print the answer as it streams.");
        var maxTokens = new Option<long>("--max-tokens")
        {
            Description = "The most tokens the answer may have.",
            HelpName = "N",
            DefaultValueFactory = _ => DefaultMaxTokens,
            CustomParser = ParseMaxTokens,
        };
        var settings = HostOptions.Settings();
        var command = new Command("ask",
            "Send one Messages request through the resolved backend's official SDK client and print the answer. Exit 0 answered, 3 not ready or refused, 2 usage or configuration error.")
        {
            prompt, model, stream, maxTokens, settings,
        };

        command.SetAction(parse => RunAsync(
            context, parse.GetValue(prompt)!, parse.GetValue(model), parse.GetValue(stream), parse.GetValue(maxTokens), parse.GetValue(settings)).GetAwaiter().GetResult());
        return command;
    }

    private static long ParseMaxTokens(ArgumentResult result)
    {
        var value = result.Tokens.Count == 1 ? result.Tokens[0].Value : "";
        if (long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var maxTokens) && maxTokens >= 1)
        {
            return maxTokens;
        }

        result.AddError($"--max-tokens must be a positive whole number, got '{value}' (e.g. --max-tokens 256).");
        return DefaultMaxTokens;
    }

    private static async Task<int> RunAsync(HostContext context, string prompt, string? requestedModel, bool stream, long maxTokens, string? settingsPath)
    {
        var settings = HostContext.LoadSettings(settingsPath);
        var target = LaunchTarget.ClaudeCode;
        var backend = BackendResolver.Resolve(context.Environment, settings, target).Backend!;
        var env = HostEnvironment.For(context.Environment, settings, target);
        var inputs = new TransportInputs(env, settings, context.StatusOptions.FileExists);
        string Scrub(string text) => SecretScrubber.Scrub(text, env);
        var requestOptions = RequestClientOptions.Default with
        {
            OnRefreshOutput = output => context.Stderr.WriteLine(Scrub(output)),
            OnCapabilityWarning = warning => context.Stderr.WriteLine(Scrub($"warning: {warning}")),
        };
        var model = WireModelWithoutList(context, requestedModel, backend, env, out var asked);

        try
        {
            // One client for the listing and the message: credentials are resolved once (a credential_process or
            // awsAuthRefresh runs once), before anything is listed or sent.
            using var client = backend.CreateRequestClient(inputs, requestOptions);
            await client.PrepareAsync().ConfigureAwait(false);
            if (context.Models is { } catalog)
            {
                model = await WireModelFromListAsync(catalog, client, model, asked, backend, env, inputs).ConfigureAwait(false);
            }

            var request = new MessageCreateParams { Model = model, MaxTokens = maxTokens, Messages = [new UserMessageParam(prompt)] };
            if (stream)
            {
                await foreach (var e in client.StreamAsync((c, ct) => c.Messages.CreateStreaming(request, ct)).ConfigureAwait(false))
                {
                    if (e.TryPickContentBlockDelta(out var delta) && delta.Delta.TryPickText(out var text))
                    {
                        context.Stdout.Write(text.Text);
                    }
                }
            }
            else
            {
                var message = await client.SendAsync((c, ct) => c.Messages.Create(request, ct)).ConfigureAwait(false);
                foreach (var block in message.Content)
                {
                    if (block.TryPickText(out var text))
                    {
                        context.Stdout.Write(text.Text);
                    }
                }
            }

            context.Stdout.WriteLine();
            return ExitCodes.Ok;
        }
        catch (RequestClientException e)
        {
            context.Stderr.WriteLine(Scrub($"{backend.DisplayName} is not ready: {e.Message}"));
        }
        catch (AnthropicApiException e)
        {
            // The backend's advice where it has some (Claude Platform on AWS reads its gateway's refusals), else the answer.
            context.Stderr.WriteLine(Scrub(backend.AdviceFor(e, inputs) ?? $"{backend.DisplayName} answered {(int)e.StatusCode}: {e.ResponseBody}"));
        }
        catch (AnthropicIOException e)
        {
            context.Stderr.WriteLine(Scrub($"Could not reach {backend.DisplayName}: {e.Message}"));
        }
        catch (InvalidOperationException e)
        {
            // The CPA wire guard refused to send a request that did not carry exactly one auth.
            context.Stderr.WriteLine(Scrub(e.Message));
        }

        return ExitCodes.NotReady;
    }

    // A catalog name or alias becomes this backend's wire id; a wire id already in the backend's format is kept. With a
    // model catalog this is only the model asked for (the backend's own list decides, WireModelFromListAsync), else the
    // static catalog decides here.
    private static string WireModelWithoutList(HostContext context, string? requested, RuntimeBackend backend, IReadOnlyDictionary<string, string> env, out string asked)
    {
        asked = requested is null ? "" : $"--model {requested}";
        if (requested is null)
        {
            // The pin is sent as written: one that is not an id of this backend (status warns about it) is not sent at all.
            if (ModelPins.From(env).Sonnet is { } pinned && !backend.TryParseWireId(pinned, out _))
            {
                throw new UsageException(
                    $"{EnvironmentVariableNames.DefaultSonnetModel} is not a {backend.DisplayName} model id ({backend.ModelIdFormat.Kind} format, the id alone on one line): " +
                    "fix it (`ProviderHost status` shows what is wrong), or choose the model with --model.");
            }

            requested = ModelPins.From(env).Sonnet ?? "claude-sonnet-4-6";
            asked = ModelPins.From(env).Sonnet is null ? $"the default model {requested}" : $"{EnvironmentVariableNames.DefaultSonnetModel}={requested}";
        }

        if (context.Models is not null)
        {
            return requested;
        }

        if (ModelCatalog.Default.Find(requested) is { } model)
        {
            return ModelCatalog.WireId(model, backend);
        }

        return backend.TryParseWireId(requested, out _)
            ? requested
            : throw new UsageException(
                $"{asked} is neither a catalog model ({string.Join(", ", ModelCatalog.Default.Models.Select(m => m.Name))}) " +
                $"nor a {backend.DisplayName} model id ({backend.ModelIdFormat.Kind} format).");
    }

    // The backend's own list (a cached one costs no request), asked through the client the message goes through: a model
    // it does not offer is refused here, before anything is sent, naming what it offers.
    private static async Task<string> WireModelFromListAsync(
        LiveModelCatalog catalog, IRequestClient client, string requested, string asked, RuntimeBackend backend, IReadOnlyDictionary<string, string> env, TransportInputs inputs)
    {
        var offered = await catalog.GetAsync(backend, inputs, client).ConfigureAwait(false);
        var availability = offered.Availability(requested);
        return availability.Available
            ? availability.WireId!
            : throw new UsageException(SecretScrubber.Scrub($"{asked} is not available, so nothing was sent: {availability.Reason}", env));
    }
}
