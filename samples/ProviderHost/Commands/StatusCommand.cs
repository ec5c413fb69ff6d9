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
        var status = RuntimeStatusEvaluator.Evaluate(context.Environment, settings, target, WithRequestCheck(context, line.Has("--probe")));
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

    // The runtime's request check, with awsAuthRefresh output shown on stderr and, for --probe, one real request.
    // A check a caller substituted (tests) is used as given.
    private static RuntimeStatusOptions WithRequestCheck(HostContext context, bool probe)
    {
        if (context.StatusOptions.RequestTransportCheck is not RequestClientCheck check)
        {
            return context.StatusOptions;
        }

        var options = check.Options with { OnRefreshOutput = line => context.Stderr.WriteLine(line) };
        return new RuntimeStatusOptions
        {
            FileExists = context.StatusOptions.FileExists,
            Clock = context.StatusOptions.Clock,
            RequestTransportCheck = new RequestClientCheck(options, probe || check.Probe),
        };
    }
}
