using System.Globalization;
using Anthropic.Exceptions;
using Anthropic.Models.Messages;
using ProviderAudit.Runtime;

namespace ProviderHost.Commands;

/// <summary>
/// <c>ask "&lt;prompt&gt;"</c>: one Messages request through the resolved backend's request client (its official SDK
/// client), printing the answer's text. Exit 0 answered, 3 not ready / refused, 2 usage or configuration error.
/// </summary>
public sealed class AskCommand : IHostCommand
{
    private const long DefaultMaxTokens = 1024;

    /// <inheritdoc />
    public string Name => "ask";

    /// <inheritdoc />
    public string Usage => "ask \"<prompt>\" [--model M] [--stream] [--max-tokens N] [--settings PATH]";

    /// <inheritdoc />
    public int Run(IReadOnlyList<string> args, HostContext context) =>
        RunAsync(args, context).GetAwaiter().GetResult();

    private async Task<int> RunAsync(IReadOnlyList<string> args, HostContext context)
    {
        var line = CommandLine.Parse(Name, args, ["--stream"], ["--model", "--max-tokens", "--settings"]);
        if (line.Positionals.Count != 1 || line.Rest is not null || string.IsNullOrWhiteSpace(line.Positionals[0]))
        {
            throw new UsageException($"ask: give exactly one prompt. Usage: {Usage}");
        }

        var maxTokens = DefaultMaxTokens;
        if (line.Value("--max-tokens") is { } max && (!long.TryParse(max, NumberStyles.None, CultureInfo.InvariantCulture, out maxTokens) || maxTokens < 1))
        {
            throw new UsageException($"ask: --max-tokens must be a positive whole number, got '{max}'.");
        }

        var settings = HostContext.LoadSettings(line.Value("--settings"));
        var target = LaunchTarget.ClaudeCode;
        var backend = BackendResolver.Resolve(context.Environment, settings, target).Backend!;
        var env = HostEnvironment.For(context.Environment, settings, target);
        var inputs = new TransportInputs(env, settings, context.StatusOptions.FileExists);
        var model = WireModel(line.Value("--model"), backend, env);
        string Scrub(string text) => SecretScrubber.Scrub(text, env);

        try
        {
            using var client = backend.AuthTransport.CreateRequestClient(inputs, RequestClientOptions.Default with
            {
                OnRefreshOutput = output => context.Stderr.WriteLine(Scrub(output)),
            });
            await client.PrepareAsync().ConfigureAwait(false);
            var request = new MessageCreateParams { Model = model, MaxTokens = maxTokens, Messages = [new UserMessageParam(line.Positionals[0])] };
            if (line.Has("--stream"))
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
        catch (AnthropicApiException e) when (backend.AuthTransport.Kind is AuthTransportKind.ClaudePlatformAws)
        {
            var mode = ClaudePlatformAwsSettings.TryRead(inputs, out var cpa, out _) ? cpa.AuthMode : ClaudePlatformAwsAuthMode.SigV4;
            context.Stderr.WriteLine(Scrub(ClaudePlatformAwsProbeAdvice.For(e, mode, inputs).Reason!));
        }
        catch (AnthropicApiException e)
        {
            context.Stderr.WriteLine(Scrub($"{backend.DisplayName} answered {(int)e.StatusCode}: {e.ResponseBody}"));
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

    // A catalog name or alias becomes this backend's wire id; a wire id already in the backend's format is kept.
    private static string WireModel(string? requested, RuntimeBackend backend, IReadOnlyDictionary<string, string> env)
    {
        if (requested is null)
        {
            return ModelPins.From(env).Sonnet ?? ModelCatalog.WireId(ModelCatalog.Default.Find("claude-sonnet-4-6")!, backend);
        }

        if (ModelCatalog.Default.Find(requested) is { } model)
        {
            return ModelCatalog.WireId(model, backend);
        }

        return backend.ModelIdFormat.TryParseWireId(requested, out _)
            ? requested
            : throw new UsageException(
                $"ask: --model {requested} is neither a catalog model ({string.Join(", ", ModelCatalog.Default.Models.Select(m => m.Name))}) " +
                $"nor a {backend.DisplayName} model id ({backend.ModelIdFormat.Kind} format).");
    }
}
