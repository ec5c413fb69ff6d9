using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Invocation;

namespace ProviderHost.Commands;

/// <summary>
/// System.CommandLine's help, and for the root command every command's synopsis and the exit codes after it: the
/// standard command table shows arguments but not options, and scripts need the exit codes.
/// </summary>
internal sealed class HostHelpAction(HelpAction standard) : SynchronousCommandLineAction
{
    public const string ExitCodesLine =
        "Exit codes: 0 ready/success, 3 not ready, 2 usage or configuration error; launch returns the command's own exit code (127 if it cannot be started).";

    public override bool ClearsParseErrors => true;

    public override int Invoke(ParseResult parseResult)
    {
        var exit = standard.Invoke(parseResult);
        if (parseResult.CommandResult.Command is RootCommand root)
        {
            var output = parseResult.InvocationConfiguration.Output;
            output.WriteLine("Synopsis:");
            foreach (var command in root.Subcommands)
            {
                output.WriteLine($"  {ProviderHostCli.Name} {UsageLine.Of(command)}");
            }

            output.WriteLine();
            output.WriteLine(ExitCodesLine);
        }

        return exit;
    }

    /// <summary>Puts this action behind the root's help option (which every subcommand inherits).</summary>
    public static void Install(RootCommand root)
    {
        var help = root.Options.OfType<HelpOption>().Single();
        help.Action = new HostHelpAction((HelpAction)help.Action!);
    }
}
