using ProviderAudit.Runtime.Secrets;
using ProviderAudit.Runtime.Settings;

namespace ProviderAudit.Runtime.Requests;

/// <summary>
/// A request client cannot be built or has no usable credential. The message names the variable or setting and
/// the fix, and never contains a secret.
/// </summary>
public sealed class RequestClientException : Exception
{
    /// <summary>Creates the exception.</summary>
    public RequestClientException(string setting, string message, bool refreshMightHelp = false, Exception? innerException = null)
        : base(message, innerException)
    {
        Setting = setting;
        RefreshMightHelp = refreshMightHelp;
    }

    /// <summary>The variable or setting to fix.</summary>
    public string Setting { get; }

    /// <summary>True when running the host's <c>awsAuthRefresh</c> command could fix it.</summary>
    public bool RefreshMightHelp { get; }

    /// <summary>The exception for an input problem, its message scrubbed of the secrets of <paramref name="environment"/>.</summary>
    internal static RequestClientException For(ConfigurationProblem problem, IReadOnlyDictionary<string, string> environment) =>
        new(problem.Variable, SecretScrubber.Scrub(problem.Message, environment));
}
