using Amazon;
using Amazon.Runtime;
using Amazon.SecurityToken;
using ProviderAudit.Runtime.Settings;

namespace ProviderAudit.Runtime.AwsCredentials;

/// <summary>
/// Makes AWSSDK.SecurityToken clients from the runtime's environment dictionary: region from <c>AWS_REGION</c> /
/// <c>AWS_DEFAULT_REGION</c> (else the profile's region, else us-east-1 as the SDK does), endpoint from
/// <c>AWS_ENDPOINT_URL_STS</c> or <c>AWS_ENDPOINT_URL</c>.
/// </summary>
/// <remarks>
/// AWSSDK.Core's assume-role and web-identity credentials would take both from this process's environment (and a
/// process-wide client registry); the runtime's own subclasses ask this factory instead.
/// </remarks>
internal sealed class StsClients(IReadOnlyDictionary<string, string> environment, RegionEndpoint? profileRegion)
{
    /// <summary>The STS endpoint override, if any (for messages).</summary>
    public string? Endpoint => (environment.Raw(AwsVariables.AwsEndpointUrlSts) ?? environment.Raw(AwsVariables.AwsEndpointUrl))?.Trim();

    /// <summary>The region STS requests are signed for.</summary>
    public string Region => environment.Raw(AwsVariables.AwsRegion)?.Trim()
        ?? environment.Raw(AwsVariables.AwsDefaultRegion)?.Trim()
        ?? profileRegion?.SystemName
        ?? RegionEndpoint.USEast1.SystemName;

    /// <summary>A client calling STS with <paramref name="credentials"/> (anonymous for web identity).</summary>
    public AmazonSecurityTokenServiceClient Create(AWSCredentials credentials)
    {
        // Endpoints come from the dictionary only: the process's AWS_ENDPOINT_URL_* and profile endpoint_url are ignored.
        var config = new AmazonSecurityTokenServiceConfig { IgnoreConfiguredEndpointUrls = true, MaxErrorRetry = 1 };
        if (Endpoint is { } endpoint)
        {
            config.ServiceURL = endpoint;
            config.AuthenticationRegion = Region;
        }
        else
        {
            config.RegionEndpoint = RegionEndpoint.GetBySystemName(Region);
        }

        return new AmazonSecurityTokenServiceClient(credentials, config);
    }
}
