using ProviderAudit.Runtime;

namespace ProviderHost.Commands;

/// <summary>
/// <c>launch</c>: runs a command with the launch environment for a target, stdio passed through and its exit code
/// returned. An Anthropic-compatible target whose backend is not ready is refused (exit 3) unless <c>--force</c>.
/// </summary>
public sealed class LaunchCommand : IHostCommand
{
    /// <inheritdoc />
    public string Name => "launch";

    /// <inheritdoc />
    public string Usage => "launch <claude-code|codex|gemini|opencode> [--settings PATH] [--force] -- <command> [args…]";

    /// <inheritdoc />
    public int Run(IReadOnlyList<string> args, HostContext context)
    {
        var line = CommandLine.Parse(Name, args, ["--force"], ["--settings"]);
        if (line.Positionals.Count == 0)
        {
            throw new UsageException($"launch: name a target. Usage: {Usage}");
        }

        if (line.Positionals.Count > 1)
        {
            throw new UsageException($"launch: unexpected argument '{line.Positionals[1]}'; put the command after --. Usage: {Usage}");
        }

        if (line.Rest is not { Count: > 0 } command)
        {
            throw new UsageException($"launch: give the command to run after --, e.g. launch claude-code -- claude. Usage: {Usage}");
        }

        var target = TargetOption.Parse(Name, line.Positionals[0]);
        var settings = HostContext.LoadSettings(line.Value("--settings"));
        // awsAuthRefresh (e.g. `aws sso login`) may print a device code the user must see now, not after its timeout.
        var status = RuntimeStatusEvaluator.Evaluate(context.Environment, settings, target, context.WithRefreshOutputOnStderr(probe: false));
        if (!status.Ready)
        {
            if (!line.Has("--force"))
            {
                context.Stderr.WriteLine($"Not launching {command[0]}: {status.Message}");
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

        var environment = LaunchEnvironment.Build(context.Environment, settings, target);
        try
        {
            return context.ProcessRunner.Run(command[0], command.Skip(1).ToArray(), environment.Variables);
        }
        catch (FileNotFoundException ex)
        {
            context.Stderr.WriteLine($"launch: {ex.Message} Check the command name and PATH.");
            return ExitCodes.CommandNotFound;
        }
    }
}
