namespace ProviderAudit.Runtime.AwsCredentials;

/// <summary>The AWS credential sources, in the order the runtime's one chain tries them.</summary>
public enum AwsCredentialSourceKind
{
    /// <summary>The <c>awsCredentialExport</c> command from settings (as in Claude Code, it replaces the chain).</summary>
    CredentialExportCommand,
    /// <summary><c>AWS_ACCESS_KEY_ID</c> + <c>AWS_SECRET_ACCESS_KEY</c> (and maybe <c>AWS_SESSION_TOKEN</c>).</summary>
    EnvironmentKeys,
    /// <summary>Web identity from the environment (<c>AWS_WEB_IDENTITY_TOKEN_FILE</c> + <c>AWS_ROLE_ARN</c>) through STS.</summary>
    WebIdentity,
    /// <summary>A profile named by <c>AWS_PROFILE</c> (static keys, SSO, <c>credential_process</c>, assume-role, web identity).</summary>
    NamedProfile,
    /// <summary>The <c>default</c> profile of the shared credentials/config files.</summary>
    DefaultProfile,
    /// <summary>Container credentials (<c>AWS_CONTAINER_CREDENTIALS_RELATIVE_URI</c> / <c>_FULL_URI</c>): ECS, EKS Pod Identity, CodeBuild.</summary>
    Container,
    /// <summary>EC2 instance metadata (IMDSv2).</summary>
    InstanceMetadata,
}

/// <summary>The AWS credential source the runtime's chain would use, described without any secret.</summary>
/// <param name="Kind">What kind of source.</param>
/// <param name="Description">e.g. "profile cc (AWS_PROFILE): assume role arn:aws:iam::…:role/x via profile base".</param>
public sealed record AwsCredentialSource(AwsCredentialSourceKind Kind, string Description)
{
    /// <inheritdoc />
    public override string ToString() => Description;
}
