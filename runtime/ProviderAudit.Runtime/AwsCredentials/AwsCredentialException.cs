using ProviderAudit.Runtime.Requests;

namespace ProviderAudit.Runtime.AwsCredentials;

/// <summary>Why no usable AWS (or Claude Platform on AWS) credential could be obtained.</summary>
internal enum AwsCredentialProblem
{
    /// <summary>No source holds a credential.</summary>
    Missing,
    /// <summary>A credential was found but has expired (e.g. an SSO session ended).</summary>
    Expired,
    /// <summary>A source is misconfigured (half a key pair, a missing profile, a cycle, malformed export output).</summary>
    Invalid,
    /// <summary>A source's service refused (STS, SSO, container endpoint) or did not answer in time.</summary>
    Unavailable,
    /// <summary>The <c>awsAuthRefresh</c> command failed or timed out.</summary>
    RefreshFailed,
}

/// <summary>
/// A credential could not be obtained. The message names the variable, setting or profile and the fix, and never
/// contains a secret or a stack trace. Request clients turn it into a <see cref="RequestClientException"/>.
/// </summary>
internal sealed class AwsCredentialException : Exception
{
    public AwsCredentialException(AwsCredentialProblem problem, string setting, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        Problem = problem;
        Setting = setting;
    }

    public AwsCredentialProblem Problem { get; }

    /// <summary>The variable or setting to fix, e.g. <c>AWS_PROFILE</c> or <c>awsCredentialExport</c>.</summary>
    public string Setting { get; }

    /// <summary>True when running <c>awsAuthRefresh</c> could fix it.</summary>
    public bool RefreshMightHelp => Problem is AwsCredentialProblem.Missing or AwsCredentialProblem.Expired;

    public RequestClientException ToRequestClientException() => new(Setting, Message, RefreshMightHelp, this);
}
