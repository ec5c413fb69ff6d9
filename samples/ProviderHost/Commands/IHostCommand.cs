using System.CommandLine;

namespace ProviderHost.Commands;

/// <summary>One subcommand of the CLI; <see cref="ProviderHostCli"/> keeps them in a table and adds each to its root command.</summary>
public interface IHostCommand
{
    /// <summary>
    /// The System.CommandLine command (name, arguments, options, help text) whose action runs against
    /// <paramref name="context"/> and returns the exit code. The action throws <see cref="UsageException"/> for a
    /// mistake only it can see (e.g. a model id the backend does not take).
    /// </summary>
    Command Create(HostContext context);
}
