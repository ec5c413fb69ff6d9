using ProviderAudit.Runtime;
using ProviderHost.Commands;

namespace ProviderHost;

/// <summary>
/// The CLI, runnable against any environment and streams (tests call it directly). Commands live in a table, so a new
/// one (e.g. <c>ask</c>) is one more entry.
/// </summary>
public sealed class ProviderHostCli
{
    private readonly Dictionary<string, IHostCommand> _commands;

    /// <summary>A CLI with the given commands.</summary>
    public ProviderHostCli(IEnumerable<IHostCommand> commands)
    {
        _commands = commands.ToDictionary(c => c.Name, StringComparer.Ordinal);
    }

    /// <summary>The built-in commands.</summary>
    public static IReadOnlyList<IHostCommand> DefaultCommands { get; } = [new StatusCommand(), new LaunchCommand(), new ModelsCommand(), new AskCommand()];

    /// <summary>Runs the built-in commands.</summary>
    public static int Run(
        IReadOnlyList<string> args,
        IReadOnlyDictionary<string, string> environment,
        TextWriter stdout,
        TextWriter stderr,
        IChildProcessRunner? processRunner = null,
        RuntimeStatusOptions? statusOptions = null) =>
        new ProviderHostCli(DefaultCommands).Execute(
            args, new HostContext(environment, stdout, stderr, processRunner ?? new ChildProcessRunner(), statusOptions ?? RuntimeStatusOptions.Default));

    /// <summary>Dispatches to the command named by <c>args[0]</c>.</summary>
    public int Execute(IReadOnlyList<string> args, HostContext context)
    {
        if (args.Count == 0)
        {
            WriteUsage(context.Stderr);
            return ExitCodes.UsageOrConfigError;
        }

        if (args[0] is "help" or "--help" or "-h")
        {
            WriteUsage(context.Stdout);
            return ExitCodes.Ok;
        }

        if (!_commands.TryGetValue(args[0], out var command))
        {
            context.Stderr.WriteLine($"Unknown command '{args[0]}'.");
            WriteUsage(context.Stderr);
            return ExitCodes.UsageOrConfigError;
        }

        try
        {
            return command.Run(args.Skip(1).ToArray(), context);
        }
        catch (UsageException ex)
        {
            context.Stderr.WriteLine(ex.Message);
            return ExitCodes.UsageOrConfigError;
        }
        catch (HostSettingsException ex)
        {
            context.Stderr.WriteLine(ex.Message);
            return ExitCodes.UsageOrConfigError;
        }
    }

    private void WriteUsage(TextWriter output)
    {
        output.WriteLine("Usage: ProviderHost <command> [options]");
        foreach (var command in _commands.Values)
        {
            output.WriteLine($"  {command.Usage}");
        }

        output.WriteLine("Exit codes: 0 ready/success, 3 not ready, 2 usage or configuration error; launch returns the command's own exit code.");
    }
}
