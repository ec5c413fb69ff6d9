using Anthropic.Bedrock;
using ProviderAudit.Runtime.AwsCredentials;

namespace ProviderAudit.Runtime.Backends.Bedrock;

/// <summary>
/// Bedrock SigV4 with credentials from the runtime's AWS credential chain, temporary ones included. Anthropic.Bedrock
/// 1.0.6 keeps the session token of <see cref="AnthropicBedrockPrivateKeyCredentials"/> internal, but its signer signs
/// every header already on the request: so this adds <c>x-amz-security-token</c> first and lets the official signer
/// sign (the same request the SDK makes when it sets the token itself). Credentials come from the chain's cache.
/// </summary>
internal sealed class BedrockChainCredentials(AwsCredentialChain chain, string region) : IAnthropicBedrockCredentials
{
    public string Region => region;

    public async Task Apply(HttpRequestMessage requestMessage)
    {
        var credentials = await chain.ResolveAsync().ConfigureAwait(false);
        requestMessage.Headers.Remove("x-amz-security-token");
        if (credentials.SessionToken is { } token)
        {
            requestMessage.Headers.TryAddWithoutValidation("x-amz-security-token", token);
        }

        var signer = new AnthropicBedrockPrivateKeyCredentials
        {
            ApiAccessKey = credentials.AccessKeyId,
            ApiSecret = credentials.SecretAccessKey,
            Region = region,
        };
        await signer.Apply(requestMessage).ConfigureAwait(false);
    }
}
