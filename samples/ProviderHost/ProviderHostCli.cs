using System.CommandLine;
using ProviderAudit.Runtime;
using ProviderAudit.Runtime.Settings;
using ProviderAudit.Runtime.Status;
using ProviderHost.Commands;

namespace ProviderHost;

/// <summary>
/// The CLI on System.CommandLine, runnable against any environment and streams (tests call it directly). Commands live
/// in a table, so a new one is one more entry. A usage error (unknown option or command, missing or repeated value,
/// bad target) exits 2 with the error, the command's synopsis and where help is; nothing unknown is ignored.
/// </summary>
public sealed class ProviderHostCli
{
    /// <summary>The program name usage text shows.</summary>
    public const string Name = "ProviderHost";

    // `@file` is not expanded: a prompt may start with @, and nothing documents response files here.
    private static readonly ParserConfiguration Parser = new() { ResponseFileTokenReplacer = null };

    private readonly IReadOnlyList<IHostCommand> _commands;

    /// <summary>A CLI with the given commands.</summary>
    public ProviderHostCli(IEnumerable<IHostCommand> commands)
    {
        _commands = commands.ToArray();
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

    /// <summary>Parses <paramref name="args"/> and runs the command they name; returns the exit code.</summary>
    public int Execute(IReadOnlyList<string> args, HostContext context)
    {
        var root = new RootCommand("ProviderHost: a host CLI on the ProviderAudit runtime. It resolves the Claude backend from the environment, reports its readiness, and launches tools with the environment built for them.");
        foreach (var command in _commands)
        {
            root.Subcommands.Add(command.Create(context));
        }

        HostHelpAction.Install(root);
        var parse = root.Parse(args, Parser);
        if (parse.Errors.Count > 0)
        {
            return UsageError(context.Stderr, parse.CommandResult.Command, parse.Errors.Select(e => e.Message));
        }

        try
        {
            return parse.Invoke(new InvocationConfiguration
            {
                Output = context.Stdout,
                Error = context.Stderr,
                // A failure nobody anticipated stays a crash with its stack trace, not a quiet exit 1.
                EnableDefaultExceptionHandler = false,
                // Ctrl+C reaches a launched child, which decides; the host waits for it and returns its exit code.
                ProcessTerminationTimeout = null,
            });
        }
        catch (UsageException e)
        {
            return UsageError(context.Stderr, parse.CommandResult.Command, [e.Message]);
        }
        catch (HostSettingsException e)
        {
            context.Stderr.WriteLine(e.Message);
            return ExitCodes.UsageOrConfigError;
        }
    }

    private static int UsageError(TextWriter stderr, Command command, IEnumerable<string> errors)
    {
        foreach (var error in errors)
        {
            stderr.WriteLine($"error: {error}");
        }

        if (command is RootCommand root)
        {
            stderr.WriteLine("Usage:");
            foreach (var subcommand in root.Subcommands)
            {
                stderr.WriteLine($"  {Name} {UsageLine.Of(subcommand)}");
            }
        }
        else
        {
            stderr.WriteLine($"Usage: {Name} {UsageLine.Of(command)}");
        }

        stderr.WriteLine(command is RootCommand
            ? $"Run `{Name} --help` (or `{Name} COMMAND --help`) for what each command and option does."
            : $"Run `{Name} {command.Name} --help` for what each option does.");
        return ExitCodes.UsageOrConfigError;
    }
}
