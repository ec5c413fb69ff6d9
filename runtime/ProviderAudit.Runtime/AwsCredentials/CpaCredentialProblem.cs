namespace ProviderAudit.Runtime.Aws;

/// <summary>Why no usable CPA credential could be resolved.</summary>
public enum CpaCredentialProblem
{
    /// <summary>No source holds a credential.</summary>
    Missing,
    /// <summary>A credential was found but has expired (e.g. an SSO session ended).</summary>
    Expired,
    /// <summary>A source is misconfigured (half a key pair, a profile that does not exist, malformed export output).</summary>
    Invalid,
    /// <summary>The <c>awsAuthRefresh</c> command failed or timed out.</summary>
    RefreshFailed,
}

/// <summary>
/// A credential could not be resolved. The message names the variable or setting and the fix, and
/// never contains a secret.
/// </summary>
public sealed class CpaCredentialException : Exception
{
    /// <summary>Creates the exception.</summary>
    public CpaCredentialException(CpaCredentialProblem problem, string setting, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        Problem = problem;
        Setting = setting;
    }

    /// <summary>What kind of problem this is.</summary>
    public CpaCredentialProblem Problem { get; }

    /// <summary>The variable or setting to fix, e.g. <c>AWS_PROFILE</c> or <c>awsCredentialExport</c>.</summary>
    public string Setting { get; }

    /// <summary>True when running <c>awsAuthRefresh</c> could fix it.</summary>
    public bool RefreshMightHelp => Problem is CpaCredentialProblem.Missing or CpaCredentialProblem.Expired;
}
