using System.Globalization;
using ProviderAudit.Runtime.Secrets;
using ProviderAudit.Runtime.Settings;

namespace ProviderAudit.Runtime.AwsCredentials;

using static AwsVariables;

/// <summary>The AWS region the AWS-authenticated backends read from the environment, as Claude Code does.</summary>
internal static class AwsRegionInput
{
    /// <summary>The region, trimmed: <c>AWS_REGION</c>, else <c>AWS_DEFAULT_REGION</c>; null when neither is set.</summary>
    public static string? Read(IReadOnlyDictionary<string, string> env) => (env.Raw(AwsRegion) ?? env.Raw(AwsDefaultRegion))?.Trim();

    /// <summary>Reads <c>AWS_REGION</c>, falling back to <c>AWS_DEFAULT_REGION</c>, and validates it as a region token.</summary>
    /// <param name="env">The effective environment.</param>
    /// <param name="backendName">For messages.</param>
    /// <param name="problems">Where a problem goes.</param>
    /// <param name="profileRegion">
    /// The <c>region</c> of the AWS profile in use, when there is one: a backend that reads the region only from the
    /// environment (as Claude Code does) suggests that value instead of an example.
    /// </param>
    public static (string? Region, string? Variable) Check(
        IReadOnlyDictionary<string, string> env, string backendName, List<ConfigurationProblem> problems, Func<AwsSetting?>? profileRegion = null)
    {
        var variable = env.Has(AwsRegion) ? AwsRegion
            : env.Has(AwsDefaultRegion) ? AwsDefaultRegion
            : null;
        if (variable is null)
        {
            var inProfile = profileRegion?.Invoke();
            problems.Add(new(
                AwsRegion,
                inProfile is { } setting && InputChecks.IsRegionToken(setting.Value)
                    ? $"No AWS region is set in the environment. {backendName} reads it only from AWS_REGION or AWS_DEFAULT_REGION, as Claude Code does, not from the "
                        + $"profile, whose region is {setting.Value} ({setting.Where}): set AWS_REGION={setting.Value}."
                    : $"No AWS region is set. {backendName} needs one: set AWS_REGION (or AWS_DEFAULT_REGION), e.g. AWS_REGION=us-west-2."));
            return (null, null);
        }

        var region = env.Raw(variable)!;
        if (!InputChecks.IsRegionToken(region))
        {
            problems.Add(new(
                variable,
                $"{variable}={DisplayText.QuoteAscii(region)} is not a valid AWS region: use only lowercase letters, digits and hyphens, e.g. us-west-2."
                + (LookAlike(region) is { } lookAlike ? $" It contains {lookAlike}, which only looks like an ASCII character: retype it." : "")));
            return (null, variable);
        }

        return (region, variable);
    }

    // The first non-ASCII character, named by its code point (a dash from a word processor, a full-width letter).
    private static string? LookAlike(string value) =>
        value.FirstOrDefault(c => !char.IsAscii(c)) is var c and not '\0' ? $"U+{(int)c:X4} ({CharUnicodeInfo.GetUnicodeCategory(c)})" : null;
}
