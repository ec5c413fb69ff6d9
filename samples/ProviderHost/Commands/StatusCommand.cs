using ProviderAudit.Runtime;

namespace ProviderHost.Commands;

/// <summary><c>status</c>: the resolved backend and whether it is ready. Exit 0 ready, 3 not ready, 2 usage/config error.</summary>
public sealed class StatusCommand : IHostCommand
{
    /// <inheritdoc />
    public string Name => "status";

    /// <inheritdoc />
    public string Usage => "status [--target claude-code|codex|gemini|opencode] [--settings PATH] [--json] [--probe]";

    /// <inheritdoc />
    public int Run(IReadOnlyList<string> args, HostContext context)
    {
        var line = CommandLine.Parse(Name, args, ["--json", "--probe"], ["--target", "--settings"]);
        if (line.Positionals.Count > 0 || line.Rest is not null)
        {
            throw new UsageException($"status: unexpected argument '{line.Positionals.FirstOrDefault() ?? "--"}'. Usage: {Usage}");
        }

        var target = TargetOption.Parse(Name, line.Value("--target"));
        var settings = HostContext.LoadSettings(line.Value("--settings"));
        var status = RuntimeStatusEvaluator.Evaluate(context.Environment, settings, target, context.WithRefreshOutputOnStderr(line.Has("--probe")));
        if (line.Has("--json"))
        {
            StatusReport.WriteJson(status, context.Stdout);
        }
        else
        {
            StatusReport.WriteText(status, context.Stdout);
        }

        return status.Ready ? ExitCodes.Ok : ExitCodes.NotReady;
    }
}
