using ProviderAudit.Runtime.Settings;

namespace ProviderAudit.Runtime.Backends.ClaudePlatformAws;

/// <summary>Claude Platform on AWS inputs that do not validate; <see cref="Problems"/> lists each with its fix.</summary>
public sealed class ClaudePlatformAwsConfigurationException : Exception
{
    /// <summary>Creates the error from the problems found.</summary>
    public ClaudePlatformAwsConfigurationException(IReadOnlyList<ConfigurationProblem> problems)
        : base("Claude Platform on AWS is not configured correctly: " + string.Join(" ", problems.Select(p => p.Message)))
    {
        Problems = problems;
    }

    /// <summary>What is wrong.</summary>
    public IReadOnlyList<ConfigurationProblem> Problems { get; }
}
