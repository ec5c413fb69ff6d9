using Anthropic.Bedrock;
using ProviderAudit.Runtime.AwsCredentials;
using ProviderAudit.Runtime.Requests;
using ProviderAudit.Runtime.Settings;

namespace ProviderAudit.Runtime.Backends.Bedrock;

using static BedrockVariables;

/// <summary>
/// Bedrock's request client: <c>AnthropicBedrockClient</c> with the Bedrock API key, or SigV4 with credentials from the
/// runtime's one AWS credential chain (temporary ones included, see <see cref="BedrockChainCredentials"/>), resolved at
/// preflight and cached until shortly before they expire.
/// </summary>
internal static class BedrockRequestClient
{
    public static IRequestClient Create(BedrockTransport transport, TransportInputs inputs, RequestClientOptions options)
    {
        var validation = transport.Validate(inputs).RequireValid(inputs.Environment);
        var env = inputs.Environment;
        var region = AwsRegionInput.Read(env)!;
        IAnthropicBedrockCredentials credentials;
        Func<CancellationToken, Task>? prepare = null;
        if (env.Raw(BedrockBearerToken) is { } bearer)
        {
            credentials = new AnthropicBedrockApiTokenCredentials { BearerToken = bearer.Trim(), Region = region };
        }
        else if (env.Flag(SkipBedrockAuth))
        {
            throw new RequestClientException(SkipBedrockAuth,
                "CLAUDE_CODE_SKIP_BEDROCK_AUTH is on, but Anthropic.Bedrock has no unauthenticated client; unset it, or send Bedrock requests through the gateway's own client.");
        }
        else
        {
            var chain = new AwsCredentialChain(env, inputs.Settings, AwsCredentialChainOptions.From(options, inputs.FileExists));
            credentials = new BedrockChainCredentials(chain, region);
            prepare = async ct =>
            {
                try
                {
                    await chain.ResolveAsync(ct).ConfigureAwait(false);
                }
                catch (AwsCredentialException e)
                {
                    throw e.ToRequestClientException();
                }
            };
        }

        // The object initializer runs after the constructor, so the validated base URL replaces the derived one.
        var client = options.PrimaryHandler is { } primary
            ? new AnthropicBedrockClient(credentials)
            {
                MaxRetries = options.MaxRetries,
                BaseUrl = SdkBaseUrl.Of(validation.BaseUri!),
                HttpClient = new HttpClient(primary(), disposeHandler: true) { Timeout = Timeout.InfiniteTimeSpan },
                Handlers = [CapabilityGate.For(RuntimeBackends.Bedrock, options)],
            }
            : new AnthropicBedrockClient(credentials)
            {
                MaxRetries = options.MaxRetries,
                BaseUrl = SdkBaseUrl.Of(validation.BaseUri!),
                Handlers = [CapabilityGate.For(RuntimeBackends.Bedrock, options)],
            };

        return new SdkRequestClient(transport.Kind, validation.BaseUri!, client, prepare, options.InjectedHeaders);
    }
}
