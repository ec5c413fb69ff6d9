using ProviderAudit.Runtime;
using ProviderAudit.Runtime.Catalog;
using ProviderAudit.Runtime.Settings;
using ProviderAudit.Runtime.Status;

namespace ProviderHost;

/// <summary>What a command runs against: the environment it was given, its output streams and how it starts processes.</summary>
public sealed class HostContext(
    IReadOnlyDictionary<string, string> environment,
    TextWriter stdout,
    TextWriter stderr,
    IChildProcessRunner processRunner,
    RuntimeStatusOptions statusOptions)
{
    /// <summary>The host's environment (the real one only when Program passes it).</summary>
    public IReadOnlyDictionary<string, string> Environment { get; } = environment;

    /// <summary>Standard output.</summary>
    public TextWriter Stdout { get; } = stdout;

    /// <summary>Standard error.</summary>
    public TextWriter Stderr { get; } = stderr;

    /// <summary>Starts launched commands.</summary>
    public IChildProcessRunner ProcessRunner { get; } = processRunner;

    /// <summary>Request transport check and file probe used for status.</summary>
    public RuntimeStatusOptions StatusOptions { get; } = statusOptions;

    /// <summary>
    /// The status options with the runtime's request check showing <c>awsAuthRefresh</c> output live on stderr (and, with
    /// <paramref name="probe"/>, sending one request). A check a caller substituted (tests) is used as given.
    /// </summary>
    public RuntimeStatusOptions WithRefreshOutputOnStderr(bool probe)
    {
        if (StatusOptions.RequestTransportCheck is not RequestClientCheck check)
        {
            return StatusOptions;
        }

        var options = check.Options with { OnRefreshOutput = line => Stderr.WriteLine(line) };
        return new RuntimeStatusOptions
        {
            FileExists = StatusOptions.FileExists,
            Clock = StatusOptions.Clock,
            Models = StatusOptions.Models,
            RequestTransportCheck = new RequestClientCheck(options, probe || check.Probe),
        };
    }

    /// <summary>Where model lists are asked for and cached (<see cref="RuntimeStatusOptions.Models"/>); null: the static catalog only.</summary>
    public LiveModelCatalog? Models => StatusOptions.Models;

    /// <summary>Settings from <c>--settings</c>, or none.</summary>
    /// <exception cref="HostSettingsException">The file is missing or malformed.</exception>
    public static HostSettings LoadSettings(string? path) => path is null ? HostSettings.Empty : HostSettingsReader.Read(path);
}
