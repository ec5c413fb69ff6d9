using Anthropic.Foundry;
using ProviderAudit.Runtime.Requests;
using ProviderAudit.Runtime.Settings;

namespace ProviderAudit.Runtime.Backends.Foundry;

using static FoundryVariables;

/// <summary>Foundry's request client: <c>AnthropicFoundryClient</c> with the API key, or Entra ID (DefaultAzureCredential).</summary>
internal static class FoundryRequestClient
{
    public static IRequestClient Create(FoundryTransport transport, TransportInputs inputs, RequestClientOptions options)
    {
        var validation = transport.Validate(inputs).RequireValid(inputs.Environment);
        var env = inputs.Environment;
        var resource = env.Raw(FoundryResource)?.Trim() ?? validation.BaseUri!.Host.Split('.')[0];
        IAnthropicFoundryCredentials credentials = env.Raw(FoundryApiKey) is { } key
            ? new AnthropicFoundryApiKeyCredentials(key.Trim(), resource)
            : new AnthropicFoundryIdentityTokenCredentials(new Azure.Identity.DefaultAzureCredential(), resource);
        var client = new AnthropicFoundryClient(credentials) {
            MaxRetries = options.MaxRetries,
            BaseUrl = SdkBaseUrl.Of(validation.BaseUri!),
            Handlers = [CapabilityGate.For(RuntimeBackends.Foundry, options)],
        };
        return new SdkRequestClient(transport.Kind, validation.BaseUri!, client, injected: options.InjectedHeaders);
    }
}
