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
    public static TransportValidation RequireValid(IAuthTransport transport, TransportInputs inputs)
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
        var endpoint = CpaEndpoint.Create(settings.WorkspaceId, settings.Region, settings.BaseUriOverridden ? settings.BaseUri.ToString() : null);
        var export = inputs.Settings.AwsCredentialExport is { } exportCommand
            ? new AwsCredentialExportSource(exportCommand, env, options.ProcessRunner, options.Clock, options.CredentialExportTimeout)
            : null;
        var refresh = inputs.Settings.AwsAuthRefresh is { } refreshCommand
            ? new AwsAuthRefreshCoordinator(refreshCommand, env, options.ProcessRunner, options.RefreshTimeout, options.OnRefreshOutput)
            : null;
        return new ClaudePlatformAwsRequestClient(
            endpoint,
            new CpaCredentialCache(new CpaCredentialResolver(env, null, export, options.Clock), options.Clock),
            refresh,
            new CpaClientSettings { PrimaryHandler = options.PrimaryHandler, MaxRetries = options.MaxRetries, InjectedHeaders = options.InjectedHeaders });
    }

    /// <summary>First party: <c>AnthropicClient</c>; an API key goes out as <c>x-api-key</c>, an auth/OAuth token as Bearer.</summary>
    public static IRequestClient FirstParty(IAuthTransport transport, TransportInputs inputs, RequestClientOptions options)
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
    /// Bedrock: <c>AnthropicBedrockClient</c> with the Bedrock API key, or long-term AWS keys from the AWS chain.
    /// Temporary keys cannot be passed: Anthropic.Bedrock 1.0.6 keeps the session token of its key credentials
    /// internal (only its process-environment helper sets it).
    /// </summary>
    public static IRequestClient Bedrock(IAuthTransport transport, TransportInputs inputs, RequestClientOptions options)
    {
        var validation = RequireValid(transport, inputs);
        var env = inputs.Environment;
        var region = env.Raw(AwsRegion) ?? env.Raw(AwsDefaultRegion)!;
        IAnthropicBedrockCredentials credentials;
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
            var aws = Resolve(env, inputs.Settings, options);
            if (aws.SessionToken is not null)
            {
                throw new RequestClientException(AwsSessionToken,
                    $"The AWS credentials from {aws.Source} are temporary, and Anthropic.Bedrock 1.0.6 cannot be given a session token explicitly; " +
                    "use AWS_BEARER_TOKEN_BEDROCK or long-term keys for requests from this host (Claude Code launches are not affected).");
            }

            credentials = new AnthropicBedrockPrivateKeyCredentials { ApiAccessKey = aws.AccessKeyId, ApiSecret = aws.SecretAccessKey, Region = region };
        }

        // The object initializer runs after the constructor, so the validated base URL replaces the derived one.
        var client = new AnthropicBedrockClient(credentials) { MaxRetries = options.MaxRetries, BaseUrl = BaseUrl(validation) };
        return new SdkRequestClient(AuthTransportKind.Bedrock, validation.BaseUri!, client);
    }

    /// <summary>Vertex: <c>AnthropicVertexClient</c> with Google application-default credentials.</summary>
    public static IRequestClient Vertex(IAuthTransport transport, TransportInputs inputs, RequestClientOptions options)
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
    public static IRequestClient Foundry(IAuthTransport transport, TransportInputs inputs, RequestClientOptions options)
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

    private static AwsSessionCredentials Resolve(IReadOnlyDictionary<string, string> env, HostSettings settings, RequestClientOptions options)
    {
        try
        {
            var export = settings.AwsCredentialExport is { } command
                ? new AwsCredentialExportSource(command, env, options.ProcessRunner, options.Clock, options.CredentialExportTimeout)
                : null;
            return Task.Run(() => AwsCredentialChain.ResolveAsync(env, export, options.Clock)).GetAwaiter().GetResult()
                ?? throw new RequestClientException(AwsProfile, "No AWS credentials for Amazon Bedrock: set AWS_PROFILE, AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, or AWS_BEARER_TOKEN_BEDROCK.", true);
        }
        catch (CpaCredentialException e)
        {
            throw new RequestClientException(e.Setting, e.Message, e.RefreshMightHelp, e);
        }
    }
}
