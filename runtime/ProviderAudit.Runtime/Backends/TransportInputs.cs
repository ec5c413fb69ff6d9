using ProviderAudit.Runtime.Launch;
using ProviderAudit.Runtime.Settings;

namespace ProviderAudit.Runtime.Backends;

/// <summary>Everything a transport validates: the effective environment, host settings, and a file-existence probe.</summary>
public sealed class TransportInputs
{
    /// <summary>Creates inputs. <paramref name="environment"/> is the effective one (see <see cref="HostEnvironment.For"/>).</summary>
    /// <param name="environment">The effective environment.</param>
    /// <param name="settings">Host settings, or none.</param>
    /// <param name="fileExists">The file probe (default: the real file system).</param>
    /// <param name="launchTarget">The target a launch is checked for; null when this process sends the requests itself.</param>
    /// <param name="clock">The clock expiries are compared with (default: the system clock).</param>
    public TransportInputs(
        IReadOnlyDictionary<string, string> environment,
        HostSettings? settings = null,
        Func<string, bool>? fileExists = null,
        LaunchTarget? launchTarget = null,
        TimeProvider? clock = null)
    {
        Environment = environment;
        Settings = settings ?? HostSettings.Empty;
        FileExists = fileExists ?? File.Exists;
        LaunchTarget = launchTarget;
        Clock = clock ?? TimeProvider.System;
    }

    /// <summary>The effective environment.</summary>
    public IReadOnlyDictionary<string, string> Environment { get; }

    /// <summary>Host settings (awsAuthRefresh, awsCredentialExport, …).</summary>
    public HostSettings Settings { get; }

    /// <summary>
    /// Whether a file exists: the AWS credential chain asks it before reading the shared credentials/config files and
    /// token files the environment names (a file it says is absent is never read).
    /// </summary>
    public Func<string, bool> FileExists { get; }

    /// <summary>
    /// The target a launch is checked for, or null when this process sends the requests itself (<c>ask</c>, a request
    /// client). A launched Claude Code can use credentials only it can read, such as its own sign-in.
    /// </summary>
    public LaunchTarget? LaunchTarget { get; }

    /// <summary>The clock expiries (e.g. of Claude Code's sign-in) are compared with.</summary>
    public TimeProvider Clock { get; }
}
