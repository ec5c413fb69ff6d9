using System.CommandLine;
using System.CommandLine.Help;

namespace ProviderHost.Commands;

/// <summary>
/// A command's one-line synopsis, written from its System.CommandLine definition (so it cannot drift from what is
/// parsed): <c>launch &lt;claude-code|codex|gemini|opencode&gt; [--settings PATH] [--force] -- &lt;command&gt; [args…]</c>.
/// Help and usage errors print it; docs/runtime.md lists the same lines.
/// </summary>
internal static class UsageLine
{
    public static string Of(Command command)
    {
        var parts = new List<string> { command.Name };
        var afterDoubleDash = command.Arguments.Where(IsCommandToRun).ToArray();
        parts.AddRange(command.Arguments.Except(afterDoubleDash).Select(a => $"<{a.HelpName ?? a.Name}>"));
        parts.AddRange(command.Options.Where(o => o is not HelpOption).Select(o =>
            o.Arity.MaximumNumberOfValues == 0 ? $"[{o.Name}]" : $"[{o.Name} {o.HelpName ?? "VALUE"}]"));
        parts.AddRange(afterDoubleDash.Select(a => $"-- <{a.HelpName ?? a.Name}> [args…]"));
        return string.Join(' ', parts);
    }

    // An argument taking any number of values is the command line of a program to run: it goes after `--`.
    private static bool IsCommandToRun(Argument argument) => argument.Arity.MaximumNumberOfValues > 1;
}
