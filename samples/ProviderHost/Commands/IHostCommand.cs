namespace ProviderHost.Commands;

/// <summary>One subcommand of the CLI; <see cref="ProviderHostCli"/> keeps them in a table by name.</summary>
public interface IHostCommand
{
    /// <summary>The subcommand name, e.g. <c>status</c>.</summary>
    string Name { get; }

    /// <summary>One usage line, e.g. <c>status [--target T] [--json]</c>.</summary>
    string Usage { get; }

    /// <summary>Runs with the arguments after the subcommand name; returns the exit code.</summary>
    /// <exception cref="UsageException">The arguments are wrong.</exception>
    int Run(IReadOnlyList<string> args, HostContext context);
}
