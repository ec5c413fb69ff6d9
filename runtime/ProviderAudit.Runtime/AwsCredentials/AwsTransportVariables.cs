namespace ProviderAudit.Runtime;

using static EnvironmentVariableNames;

/// <summary>AWS variables shared by the AWS-authenticated transports (Bedrock, Claude Platform on AWS).</summary>
internal static class AwsTransportVariables
{
    public static readonly string[] All =
    [
        AwsRegion, AwsDefaultRegion, AwsProfile, AwsAccessKeyId, AwsSecretAccessKey, AwsSessionToken,
        AwsSharedCredentialsFile, AwsConfigFile, AwsWebIdentityTokenFile, AwsRoleArn, AwsRoleSessionName,
        AwsContainerCredentialsRelativeUri, AwsContainerCredentialsFullUri, AwsContainerAuthorizationToken,
        AwsEc2MetadataDisabled, AwsEndpointUrlSso, "AWS_SDK_LOAD_CONFIG", "AWS_STS_REGIONAL_ENDPOINTS", "AWS_CA_BUNDLE",
    ];

    /// <summary>"Run `cmd`" when an <c>awsAuthRefresh</c> command is configured.</summary>
    public static IReadOnlyList<string> RefreshAction(HostSettings settings) =>
        settings.AwsAuthRefresh is { } command ? [$"Run `{command}`"] : [];
}
