using ProviderAudit.Runtime.Settings;

namespace ProviderAudit.Runtime.AwsCredentials;

using static ProviderAudit.Runtime.Settings.EnvironmentVariableNames;

/// <summary>AWS variables shared by the AWS-authenticated transports (Bedrock, Claude Platform on AWS).</summary>
internal static class AwsTransportVariables
{
    // Names the AWS credential chain reads besides those in EnvironmentVariableNames.
    public const string AwsEndpointUrl = "AWS_ENDPOINT_URL";
    public const string AwsEndpointUrlPrefix = "AWS_ENDPOINT_URL_";
    public const string AwsEndpointUrlSts = "AWS_ENDPOINT_URL_STS";
    public const string AwsSecretKeyLegacy = "AWS_SECRET_KEY";
    public const string AwsContainerAuthorizationTokenFile = "AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE";
    public const string AwsEc2MetadataServiceEndpoint = "AWS_EC2_METADATA_SERVICE_ENDPOINT";
    public const string AwsEc2MetadataServiceEndpointMode = "AWS_EC2_METADATA_SERVICE_ENDPOINT_MODE";

    /// <summary>
    /// What a launch of an AWS-authenticated backend passes on: everything the AWS credential chain of the child
    /// (Claude Code's AWS SDK) reads, so a source that works here (container, web identity, IMDS, a custom STS
    /// endpoint) works there too. <c>AWS_ENDPOINT_URL_*</c> go by prefix (<see cref="Prefixes"/>).
    /// </summary>
    public static readonly string[] All =
    [
        AwsRegion, AwsDefaultRegion, AwsProfile, AwsAccessKeyId, AwsSecretAccessKey, AwsSessionToken,
        AwsSharedCredentialsFile, AwsConfigFile, AwsWebIdentityTokenFile, AwsRoleArn, AwsRoleSessionName,
        AwsContainerCredentialsRelativeUri, AwsContainerCredentialsFullUri, AwsContainerAuthorizationToken, AwsContainerAuthorizationTokenFile,
        AwsEc2MetadataDisabled, AwsEc2MetadataServiceEndpoint, AwsEc2MetadataServiceEndpointMode,
        AwsEndpointUrl, AwsEndpointUrlSso, "AWS_SDK_LOAD_CONFIG", "AWS_STS_REGIONAL_ENDPOINTS", "AWS_CA_BUNDLE",
    ];

    /// <summary>Prefixes of variables an AWS-authenticated launch passes on: per-service endpoints (STS, SSO, Bedrock, …).</summary>
    public static readonly string[] Prefixes = [AwsEndpointUrlPrefix];

    /// <summary>True for the transports that authenticate with AWS credentials.</summary>
    public static bool UsesAwsCredentials(AuthTransportKind kind) => kind is AuthTransportKind.Bedrock or AuthTransportKind.ClaudePlatformAws;

    /// <summary>"Run `cmd`" when an <c>awsAuthRefresh</c> command is configured.</summary>
    public static IReadOnlyList<string> RefreshAction(HostSettings settings) =>
        settings.AwsAuthRefresh is { } command ? [$"Run `{command}`"] : [];
}
