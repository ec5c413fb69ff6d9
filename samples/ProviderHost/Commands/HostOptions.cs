using System.CommandLine;
using System.CommandLine.Parsing;
using ProviderAudit.Runtime;
using ProviderAudit.Runtime.Launch;

namespace ProviderHost.Commands;

/// <summary>The options and arguments several commands share, so each is spelled, parsed and described once.</summary>
internal static class HostOptions
{
    /// <summary>The launch target names as usage text shows them: <c>claude-code|codex|gemini|opencode</c>.</summary>
    public static string TargetNames { get; } = string.Join('|', LaunchTargets.AllNames);

    /// <summary><c>--settings PATH</c>: a Claude Code–style settings file; none is read without it.</summary>
    public static Option<string?> Settings() => new("--settings")
    {
        Description = "A Claude Code-style settings.json (env block, awsAuthRefresh, awsCredentialExport), e.g. ~/.claude/settings.json. None is read without it.",
        HelpName = "PATH",
    };

    /// <summary>An on/off switch: it takes no value, so <c>--json true</c> is an unexpected argument, not a value.</summary>
    public static Option<bool> Flag(string name, string description) => new(name)
    {
        Description = description,
        Arity = ArgumentArity.Zero,
    };

    /// <summary><c>--target T</c>; null when not given (the caller's default is <c>claude-code</c>).</summary>
    public static Option<LaunchTarget?> Target() => new("--target")
    {
        Description = "The tool the status is for (default claude-code); only claude-code gets a Claude backend.",
        HelpName = TargetNames,
        CustomParser = result => ParseTarget(result, "--target ", "--target codex"),
    };

    /// <summary>The target argument of <c>launch</c>.</summary>
    public static Argument<LaunchTarget> TargetArgument() => new("target")
    {
        Description = "The tool to launch: its environment is built for it.",
        HelpName = TargetNames,
        CustomParser = result => ParseTarget(result, "", "launch claude-code -- claude (the target comes before --)"),
    };

    private static LaunchTarget ParseTarget(ArgumentResult result, string given, string example)
    {
        var value = result.Tokens.Count == 1 ? result.Tokens[0].Value : "";
        if (LaunchTargets.TryParse(value, out var target))
        {
            return target;
        }

        result.AddError($"{given}'{value}' is not a launch target: use one of {string.Join(", ", LaunchTargets.AllNames)}, e.g. {example}.");
        return LaunchTarget.ClaudeCode;
    }
}
