namespace ProviderAudit.Runtime;

/// <summary>Everything a transport validates: the effective environment, host settings, and a file-existence probe.</summary>
public sealed class TransportInputs
{
    /// <summary>Creates inputs. <paramref name="environment"/> is the effective one (see <see cref="HostEnvironment.For"/>).</summary>
    public TransportInputs(IReadOnlyDictionary<string, string> environment, HostSettings? settings = null, Func<string, bool>? fileExists = null)
    {
        Environment = environment;
        Settings = settings ?? HostSettings.Empty;
        FileExists = fileExists ?? File.Exists;
    }

    /// <summary>The effective environment.</summary>
    public IReadOnlyDictionary<string, string> Environment { get; }

    /// <summary>Host settings (awsAuthRefresh, awsCredentialExport, …).</summary>
    public HostSettings Settings { get; }

    /// <summary>
    /// Whether a file exists. Only used to see default credential files (e.g. <c>~/.aws/credentials</c>); tests pass a
    /// stub so they do not depend on the machine.
    /// </summary>
    public Func<string, bool> FileExists { get; }
}
