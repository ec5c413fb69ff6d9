using ProviderAudit.Runtime;

namespace ProviderHost.Commands;

/// <summary>Parses a launch target name into a usage error that lists the valid ones.</summary>
internal static class TargetOption
{
    public static LaunchTarget Parse(string command, string? value)
    {
        if (value is null)
        {
            return LaunchTarget.ClaudeCode;
        }

        return LaunchTargets.TryParse(value, out var target)
            ? target
            : throw new UsageException($"{command}: unknown target '{value}'. Targets: {string.Join(", ", LaunchTargets.AllNames)}.");
    }
}
