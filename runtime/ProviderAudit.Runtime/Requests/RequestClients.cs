using Anthropic;
using Anthropic.Bedrock;
using Anthropic.Core;
using Anthropic.Foundry;
using Anthropic.Vertex;
using ProviderAudit.Runtime.Aws;

namespace ProviderAudit.Runtime;

using static EnvironmentVariableNames;

/// <summary>Builds each transport's request client on its official SDK client.</summary>
internal static class RequestClients
{
    /// <summary>Throws the first problem when the inputs do not validate.</summary>
    public static TransportValidation RequireValid(IBackendTransport transport, TransportInputs inputs)
    {
        var validation = transport.Validate(inputs);
        if (!validation.InputsValid)
        {
            var first = validation.Problems[0];
            throw new RequestClientException(first.Variable, SecretScrubber.Scrub(first.Message, inputs.Environment));
        }

        return validation;
    }

    /// <summary>Claude Platform on AWS: the official <c>AnthropicAwsClient</c> behind <see cref="ClaudePlatformAwsRequestClient"/>.</summary>
    public static ClaudePlatformAwsRequestClient ClaudePlatformAws(TransportInputs inputs, RequestClientOptions options)
    {
        if (!ClaudePlatformAwsSettings.TryRead(inputs, out var settings, out var problems))
        {
            throw new RequestClientException(problems[0].Variable, SecretScrubber.Scrub(problems[0].Message, inputs.Environment));
        }

        var env = inputs.Environment;
        var chain = new AwsCredentialChain(env, inputs.Settings, AwsCredentialChainOptions.From(options, inputs.FileExists));
        var refresh = inputs.Settings.AwsAuthRefresh is { } refreshCommand
            ? new AwsAuthRefreshCoordinator(refreshCommand, env, options.ProcessRunner, options.RefreshTimeout, options.OnRefreshOutput)
            : null;
        return new ClaudePlatformAwsRequestClient(
            settings,
            new ClaudePlatformAwsAuthResolver(settings, chain),
            refresh,
            new ClaudePlatformAwsClientSettings { PrimaryHandler = options.PrimaryHandler, MaxRetries = options.MaxRetries, InjectedHeaders = options.InjectedHeaders });
    }

    /// <summary>First party: <c>AnthropicClient</c>; an API key goes out as <c>x-api-key</c>, an auth/OAuth token as Bearer.</summary>
    public static IRequestClient FirstParty(IBackendTransport transport, TransportInputs inputs, RequestClientOptions options)
    {
        var validation = RequireValid(transport, inputs);
        var env = inputs.Environment;
        var apiKey = env.Raw(AnthropicApiKey)?.Trim();
        var token = (env.Raw(AnthropicAuthToken) ?? env.Raw(ClaudeCodeOAuthToken))?.Trim();
        var clientOptions = new ClientOptions
        {
            BaseUrl = BaseUrl(validation),
            MaxRetries = options.MaxRetries,
        };
        if (options.PrimaryHandler is { } primary)
        {
            clientOptions.HttpClient = new HttpClient(primary(), disposeHandler: true) { Timeout = Timeout.InfiniteTimeSpan };
        }

        // Explicit credentials: the SDK would otherwise resolve them from this process's environment and files.
        if (apiKey is not null)
        {
            clientOptions.ApiKey = apiKey;
            clientOptions.Handlers = [new FirstPartyApiKeyHandler(apiKey)];
        }
        else
        {
            clientOptions.AuthToken = token;
        }

        return new SdkRequestClient(AuthTransportKind.FirstParty, validation.BaseUri!, new AnthropicClient(clientOptions));
    }

    /// <summary>
    /// Bedrock: <c>AnthropicBedrockClient</c> with the Bedrock API key, or SigV4 with credentials from the runtime's one
    /// AWS credential chain (temporary ones included, see <see cref="BedrockChainCredentials"/>), resolved at preflight
    /// and cached until shortly before they expire.
    /// </summary>
    public static IRequestClient Bedrock(IBackendTransport transport, TransportInputs inputs, RequestClientOptions options)
    {
        var validation = RequireValid(transport, inputs);
        var env = inputs.Environment;
        var region = (env.Raw(AwsRegion) ?? env.Raw(AwsDefaultRegion)!).Trim();
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
                BaseUrl = BaseUrl(validation),
                HttpClient = new HttpClient(primary(), disposeHandler: true) { Timeout = Timeout.InfiniteTimeSpan },
            }
            : new AnthropicBedrockClient(credentials) { MaxRetries = options.MaxRetries, BaseUrl = BaseUrl(validation) };

        return new SdkRequestClient(AuthTransportKind.Bedrock, validation.BaseUri!, client, prepare);
    }

    /// <summary>Vertex: <c>AnthropicVertexClient</c> with Google application-default credentials.</summary>
    public static IRequestClient Vertex(IBackendTransport transport, TransportInputs inputs, RequestClientOptions options)
    {
        var validation = RequireValid(transport, inputs);
        var env = inputs.Environment;
        try
        {
            var client = new AnthropicVertexClient(new AnthropicVertexCredentials(env.Raw(VertexRegion)!.Trim(), env.Raw(VertexProjectId)!.Trim()))
            {
                MaxRetries = options.MaxRetries,
                BaseUrl = BaseUrl(validation),
            };
            return new SdkRequestClient(AuthTransportKind.Vertex, validation.BaseUri!, client);
        }
        catch (Exception e) when (e is InvalidOperationException or IOException or UnauthorizedAccessException)
        {
            throw new RequestClientException(GoogleApplicationCredentials,
                $"Google credentials for Vertex AI could not be loaded ({e.GetType().Name}): run `gcloud auth application-default login` or set GOOGLE_APPLICATION_CREDENTIALS.", false, e);
        }
    }

    /// <summary>Foundry: <c>AnthropicFoundryClient</c> with the API key, or Entra ID (DefaultAzureCredential).</summary>
    public static IRequestClient Foundry(IBackendTransport transport, TransportInputs inputs, RequestClientOptions options)
    {
        var validation = RequireValid(transport, inputs);
        var env = inputs.Environment;
        var resource = env.Raw(FoundryResource)?.Trim() ?? validation.BaseUri!.Host.Split('.')[0];
        IAnthropicFoundryCredentials credentials = env.Raw(FoundryApiKey) is { } key
            ? new AnthropicFoundryApiKeyCredentials(key.Trim(), resource)
            : new AnthropicFoundryIdentityTokenCredentials(new Azure.Identity.DefaultAzureCredential(), resource);
        var client = new AnthropicFoundryClient(credentials) { MaxRetries = options.MaxRetries, BaseUrl = BaseUrl(validation) };
        return new SdkRequestClient(AuthTransportKind.Foundry, validation.BaseUri!, client);
    }

    private static string BaseUrl(TransportValidation validation) => validation.BaseUri!.GetLeftPart(UriPartial.Path).TrimEnd('/');
}
