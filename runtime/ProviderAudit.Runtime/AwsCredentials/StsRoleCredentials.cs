using Amazon.Runtime;
using Amazon.Runtime.SharedInterfaces;

namespace ProviderAudit.Runtime.AwsCredentials;

/// <summary>
/// AWSSDK.Core's <see cref="AssumeRoleAWSCredentials"/> (profiles with <c>role_arn</c> and <c>source_profile</c> or
/// <c>credential_source</c>), calling STS through a client made from the runtime's environment instead of this
/// process's. The STS call, its options and the caching are the SDK's.
/// </summary>
internal sealed class StsAssumeRoleCredentials(AWSCredentials source, string roleArn, string sessionName, AssumeRoleAWSCredentialsOptions options, StsClients sts)
    : AssumeRoleAWSCredentials(source, roleArn, sessionName, options)
{
    protected override CredentialsRefreshState GenerateNewCredentials() =>
        Task.Run(GenerateNewCredentialsAsync).GetAwaiter().GetResult();

    protected override async Task<CredentialsRefreshState> GenerateNewCredentialsAsync()
    {
        using var client = sts.Create(SourceCredentials);
        var credentials = await ((ICoreAmazonSTS)client).CredentialsFromAssumeRoleAuthenticationAsync(RoleArn, RoleSessionName, Options).ConfigureAwait(false);
        return new CredentialsRefreshState(credentials, credentials.Expiration);
    }
}

/// <summary>
/// AWSSDK.Core's <see cref="AssumeRoleWithWebIdentityCredentials"/> (EKS IRSA, GitHub Actions OIDC, profiles with
/// <c>web_identity_token_file</c>), with its STS client made from the runtime's environment.
/// </summary>
internal sealed class StsWebIdentityCredentials(string tokenFile, string roleArn, string? sessionName, StsClients sts)
    : AssumeRoleWithWebIdentityCredentials(tokenFile, roleArn, sessionName)
{
    protected override ICoreAmazonSTS CreateClient() => sts.Create(new AnonymousAWSCredentials());
}
