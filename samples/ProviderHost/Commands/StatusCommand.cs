using System.CommandLine;
using ProviderAudit.Runtime;
using ProviderAudit.Runtime.Launch;
using ProviderAudit.Runtime.Status;

namespace ProviderHost.Commands;

/// <summary><c>status</c>: the resolved backend and whether it is ready. Exit 0 ready, 3 not ready, 2 usage/config error.</summary>
public sealed class StatusCommand : IHostCommand
{
    /// <inheritdoc />
    public Command Create(HostContext context)
    {
        var target = HostOptions.Target();
        var settings = HostOptions.Settings();
        var json = HostOptions.Flag("--json", "Print one JSON object (target, backend, ready, message, actions, warnings, problems, details, …).");
        var probe = HostOptions.Flag("--probe", "Also send one count_tokens request (Claude Platform on AWS) and turn a refusal into advice.");
        var command = new Command("status", "The backend the environment selects for a target, and whether it is ready. Exit 0 ready, 3 not ready, 2 usage or configuration error.")
        {
            target, settings, json, probe,
        };

        command.SetAction(parse =>
        {
            var status = RuntimeStatusEvaluator.Evaluate(
                context.Environment, HostContext.LoadSettings(parse.GetValue(settings)), parse.GetValue(target) ?? LaunchTarget.ClaudeCode, context.WithRefreshOutputOnStderr(parse.GetValue(probe)));
            if (parse.GetValue(json))
            {
                StatusReport.WriteJson(status, context.Stdout);
            }
            else
            {
                StatusReport.WriteText(status, context.Stdout);
            }

            return status.Ready ? ExitCodes.Ok : ExitCodes.NotReady;
        });
        return command;
    }
}
