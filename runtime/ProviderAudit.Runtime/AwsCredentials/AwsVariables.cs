namespace ProviderAudit.Runtime.AwsCredentials;

/// <summary>
/// The AWS variables the one credential chain reads, shared by the AWS-authenticated backends (Bedrock, Claude Platform
/// on AWS): each of their transports owns these on top of its own.
/// </summary>
internal static class AwsVariables
{
    /// <summary>Every AWS variable: only a launch of an AWS-authenticated backend carries one.</summary>
    public const string AwsPrefix = "AWS_";

    public const string AwsRegion = "AWS_REGION";
    public const string AwsDefaultRegion = "AWS_DEFAULT_REGION";
    public const string AwsProfile = "AWS_PROFILE";
    public const string AwsAccessKeyId = "AWS_ACCESS_KEY_ID";
    public const string AwsSecretAccessKey = "AWS_SECRET_ACCESS_KEY";
    public const string AwsSecretKeyLegacy = "AWS_SECRET_KEY";
    public const string AwsSessionToken = "AWS_SESSION_TOKEN";
    public const string AwsSharedCredentialsFile = "AWS_SHARED_CREDENTIALS_FILE";
    public const string AwsConfigFile = "AWS_CONFIG_FILE";
    public const string AwsWebIdentityTokenFile = "AWS_WEB_IDENTITY_TOKEN_FILE";
    public const string AwsRoleArn = "AWS_ROLE_ARN";
    public const string AwsRoleSessionName = "AWS_ROLE_SESSION_NAME";
    public const string AwsContainerCredentialsRelativeUri = "AWS_CONTAINER_CREDENTIALS_RELATIVE_URI";
    public const string AwsContainerCredentialsFullUri = "AWS_CONTAINER_CREDENTIALS_FULL_URI";
    public const string AwsContainerAuthorizationToken = "AWS_CONTAINER_AUTHORIZATION_TOKEN";
    public const string AwsContainerAuthorizationTokenFile = "AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE";
    public const string AwsEc2MetadataDisabled = "AWS_EC2_METADATA_DISABLED";
    public const string AwsEc2MetadataServiceEndpoint = "AWS_EC2_METADATA_SERVICE_ENDPOINT";
    public const string AwsEc2MetadataServiceEndpointMode = "AWS_EC2_METADATA_SERVICE_ENDPOINT_MODE";
    public const string AwsEndpointUrl = "AWS_ENDPOINT_URL";
    public const string AwsEndpointUrlPrefix = "AWS_ENDPOINT_URL_";
    public const string AwsEndpointUrlSts = "AWS_ENDPOINT_URL_STS";
    public const string AwsEndpointUrlSso = "AWS_ENDPOINT_URL_SSO";
    public const string AwsSdkLoadConfig = "AWS_SDK_LOAD_CONFIG";
    public const string AwsStsRegionalEndpoints = "AWS_STS_REGIONAL_ENDPOINTS";
    public const string AwsCaBundle = "AWS_CA_BUNDLE";

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
        AwsEndpointUrl, AwsEndpointUrlSso, AwsSdkLoadConfig, AwsStsRegionalEndpoints, AwsCaBundle,
    ];

    /// <summary>Prefixes of variables an AWS-authenticated launch passes on: per-service endpoints (STS, SSO, Bedrock, …).</summary>
    public static readonly string[] Prefixes = [AwsEndpointUrlPrefix];

    /// <summary>The AWS variables whose values are credentials.</summary>
    public static readonly string[] Credentials = [AwsSecretAccessKey, AwsSecretKeyLegacy, AwsSessionToken, AwsContainerAuthorizationToken];
}
