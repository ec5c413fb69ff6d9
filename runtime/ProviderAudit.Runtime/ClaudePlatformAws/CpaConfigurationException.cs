namespace ProviderAudit.Runtime.Aws;

/// <summary>
/// An input of the CPA request transport is invalid (workspace id, region, base URL). Raised before
/// any request is built; the message names the variable and the fix.
/// </summary>
public sealed class CpaConfigurationException : Exception
{
    /// <summary>Creates the exception.</summary>
    public CpaConfigurationException(string variable, string message)
        : base(message)
    {
        Variable = variable;
    }

    /// <summary>The variable to fix.</summary>
    public string Variable { get; }
}
