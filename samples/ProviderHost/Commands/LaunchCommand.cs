using System.CommandLine;
using System.CommandLine.Parsing;
using ProviderAudit.Runtime;
using ProviderAudit.Runtime.Launch;
using ProviderAudit.Runtime.Status;

namespace ProviderHost.Commands;

/// <summary>
/// <c>launch</c>: runs a command with the launch environment for a target, stdio passed through and its exit code
/// returned. An Anthropic-compatible target whose backend is not ready is refused (exit 3) unless <c>--force</c>.
/// </summary>
public sealed class LaunchCommand : IHostCommand
{
    /// <inheritdoc />
    public Command Create(HostContext context)
    {
        var target = HostOptions.TargetArgument();
        var commandLine = new Argument<string[]>("command")
        {
            Description = "The command to run and its arguments, after --, passed on verbatim.",
            Arity = ArgumentArity.ZeroOrMore,
        };
        var settings = HostOptions.Settings();
        var force = HostOptions.Flag("--force", "Launch even when the Claude backend is not ready.");
        var command = new Command("launch",
            "Run a command with the environment built for a target: its allowlist, the selected backend's variables, other backends' credentials removed. "
            + "A claude-code launch whose backend is not ready is refused (exit 3) unless --force; otherwise the command's own exit code.")
        {
            target, commandLine, settings, force,
        };

        command.SetAction(parse =>
        {
            var toRun = CommandAfterDoubleDash(parse, parse.GetValue(commandLine) ?? []);
            var launchTarget = parse.GetValue(target);
            var hostSettings = HostContext.LoadSettings(parse.GetValue(settings));
            // awsAuthRefresh (e.g. `aws sso login`) may print a device code the user must see now, not after its timeout.
            var status = RuntimeStatusEvaluator.Evaluate(context.Environment, hostSettings, launchTarget, context.WithRefreshOutputOnStderr(probe: false));
            if (!status.Ready)
            {
                if (!parse.GetValue(force))
                {
                    context.Stderr.WriteLine($"Not launching {toRun[0]}: {status.Message}");
                    StatusReport.WriteList(context.Stderr, "Actions", status.Actions);
                    context.Stderr.WriteLine("Fix the above, or pass --force to launch anyway.");
                    return ExitCodes.NotReady;
                }

                context.Stderr.WriteLine($"Launching anyway (--force): {status.Message}");
            }

            foreach (var warning in status.Warnings)
            {
                context.Stderr.WriteLine($"warning: {warning}");
            }

            var environment = LaunchEnvironment.Build(context.Environment, hostSettings, launchTarget);
            try
            {
                return context.ProcessRunner.Run(toRun[0], toRun[1..], environment.Variables);
            }
            catch (FileNotFoundException ex)
            {
                context.Stderr.WriteLine($"launch: {ex.Message} Check the command name and PATH.");
                return ExitCodes.CommandNotFound;
            }
        });
        return command;
    }

    // System.CommandLine fills the command argument from any positional token; only what follows `--` is a command to run,
    // so a program name before it (a forgotten --) or a target after it is a usage error, not a guess.
    private static string[] CommandAfterDoubleDash(ParseResult parse, string[] positionals)
    {
        var doubleDash = parse.Tokens.ToList().FindIndex(t => t.Type == TokenType.DoubleDash);
        var afterDoubleDash = doubleDash < 0 ? null : parse.Tokens.Skip(doubleDash + 1).Select(t => t.Value).ToArray();
        if (afterDoubleDash is null)
        {
            throw new UsageException(positionals.Length > 0
                ? $"unexpected argument '{positionals[0]}': put the command to run after --, e.g. launch claude-code -- {positionals[0]}."
                : "give the command to run after --, e.g. launch claude-code -- claude.");
        }

        if (afterDoubleDash.Length > positionals.Length)
        {
            throw new UsageException("name the launch target before --, e.g. launch claude-code -- claude.");
        }

        if (positionals.Length > afterDoubleDash.Length)
        {
            throw new UsageException($"unexpected argument '{positionals[0]}' before --: put the whole command to run after --.");
        }

        return afterDoubleDash.Length > 0
            ? afterDoubleDash
            : throw new UsageException("give the command to run after --, e.g. launch claude-code -- claude.");
    }
}
