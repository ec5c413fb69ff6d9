using Anthropic;
using Anthropic.Core;
using ProviderAudit.Runtime.Requests;
using ProviderAudit.Runtime.Settings;

namespace ProviderAudit.Runtime.Backends.FirstParty;

using static FirstPartyVariables;

/// <summary>
/// First party's request client: <c>AnthropicClient</c>; an API key goes out as <c>x-api-key</c>, an auth/OAuth token as
/// Bearer, with the judged custom headers (<see cref="FirstPartyHeadersHandler"/>).
/// </summary>
internal static class FirstPartyRequestClient
{
    public static IRequestClient Create(FirstPartyTransport transport, TransportInputs inputs, RequestClientOptions options)
    {
        var validation = transport.Validate(inputs).RequireValid(inputs.Environment);
        var env = inputs.Environment;
        var apiKey = env.Raw(AnthropicApiKey)?.Trim();
        var token = apiKey is null ? (env.Raw(AnthropicAuthToken) ?? env.Raw(ClaudeCodeOAuthToken))?.Trim() : null;
        var injected = options.InjectedHeaders ?? ProcessCustomHeaders.Current;
        var clientOptions = new ClientOptions
        {
            BaseUrl = SdkBaseUrl.Of(validation.BaseUri!),
            MaxRetries = options.MaxRetries,
            // Explicitly none: the SDK would otherwise read ANTHROPIC_API_KEY / ANTHROPIC_AUTH_TOKEN from this process.
            ApiKey = null,
            AuthToken = null,
            Handlers =
            [
                new FirstPartyHeadersHandler(apiKey, token, CustomHeaders.From(env).SentBy(transport.SendsCustomHeader), injected),
                CapabilityGate.For(RuntimeBackends.FirstParty, options),
            ],
        };
        if (options.PrimaryHandler is { } primary)
        {
            clientOptions.HttpClient = new HttpClient(primary(), disposeHandler: true) { Timeout = Timeout.InfiniteTimeSpan };
        }

        return new SdkRequestClient(transport.Kind, validation.BaseUri!, new AnthropicClient(clientOptions), injected: injected);
    }
}
