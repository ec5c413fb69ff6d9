using Anthropic.Vertex;
using ProviderAudit.Runtime.Requests;
using ProviderAudit.Runtime.Settings;

namespace ProviderAudit.Runtime.Backends.Vertex;

using static VertexVariables;

/// <summary>Vertex's request client: <c>AnthropicVertexClient</c> with Google application-default credentials.</summary>
internal static class VertexRequestClient
{
    public static IRequestClient Create(VertexTransport transport, TransportInputs inputs, RequestClientOptions options)
    {
        var validation = transport.Validate(inputs).RequireValid(inputs.Environment);
        var env = inputs.Environment;
        try
        {
            var client = new AnthropicVertexClient(new AnthropicVertexCredentials(env.Raw(VertexRegion)!.Trim(), env.Raw(VertexProjectId)!.Trim()))
            {
                MaxRetries = options.MaxRetries,
                BaseUrl = SdkBaseUrl.Of(validation.BaseUri!),
                Handlers = [CapabilityGate.For(RuntimeBackends.Vertex, options)],
            };
            return new SdkRequestClient(transport.Kind, validation.BaseUri!, client, injected: options.InjectedHeaders);
        }
        catch (Exception e) when (e is InvalidOperationException or IOException or UnauthorizedAccessException)
        {
            throw new RequestClientException(GoogleApplicationCredentials,
                $"Google credentials for Vertex AI could not be loaded ({e.GetType().Name}): run `gcloud auth application-default login` or set GOOGLE_APPLICATION_CREDENTIALS.", false, e);
        }
    }
}
