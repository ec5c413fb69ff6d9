namespace ProviderAudit.Runtime;

/// <summary>Where SigV4 credentials could come from, as far as the environment and settings show.</summary>
public enum AwsCredentialSourceKind
{
    /// <summary><c>AWS_ACCESS_KEY_ID</c> + <c>AWS_SECRET_ACCESS_KEY</c> (and maybe <c>AWS_SESSION_TOKEN</c>).</summary>
    EnvironmentKeys,
    /// <summary>A named profile (<c>AWS_PROFILE</c>), e.g. an SSO profile.</summary>
    NamedProfile,
    /// <summary>Web identity (<c>AWS_WEB_IDENTITY_TOKEN_FILE</c> + <c>AWS_ROLE_ARN</c>).</summary>
    WebIdentity,
    /// <summary>Container credentials (<c>AWS_CONTAINER_CREDENTIALS_*_URI</c>).</summary>
    Container,
    /// <summary>The <c>awsCredentialExport</c> command from settings.</summary>
    CredentialExportCommand,
    /// <summary>The default profile in the shared credentials/config files.</summary>
    SharedCredentialFiles,
}

/// <summary>One visible AWS credential source, described without any secret.</summary>
/// <param name="Kind">What kind of source.</param>
/// <param name="Description">e.g. "profile cc (AWS_PROFILE)".</param>
public sealed record AwsCredentialSource(AwsCredentialSourceKind Kind, string Description)
{
    /// <inheritdoc />
    public override string ToString() => Description;
}
