using ProviderAudit.Runtime.Settings;

namespace ProviderAudit.Runtime.AwsCredentials;

/// <summary>
/// What the chain would use, found without any network call: the one source (with its provider), or the problems
/// that stop the chain (each naming its variable and fix), or nothing at all (<see cref="IsEmpty"/>), with notes on
/// what was looked at for the "no credentials" message.
/// </summary>
internal sealed class AwsCredentialPlan
{
    private AwsCredentialPlan(AwsCredentialProvider? provider, IReadOnlyList<ConfigurationProblem> problems, IReadOnlyList<string> notes)
    {
        Provider = provider;
        Problems = problems;
        Notes = notes;
    }

    public AwsCredentialProvider? Provider { get; }

    public AwsCredentialSource? Source => Provider?.Source;

    public IReadOnlyList<ConfigurationProblem> Problems { get; }

    /// <summary>Sources looked at and passed over, e.g. "the default profile in ~/.aws/config holds no credentials".</summary>
    public IReadOnlyList<string> Notes { get; }

    public bool IsEmpty => Provider is null && Problems.Count == 0;

    public static AwsCredentialPlan Found(AwsCredentialProvider provider) => new(provider, [], []);

    public static AwsCredentialPlan Problem(string variable, string message) => new(null, [new ConfigurationProblem(variable, message)], []);

    public static AwsCredentialPlan WithProblems(IReadOnlyList<ConfigurationProblem> problems) => new(null, problems, []);

    public static AwsCredentialPlan Empty(IReadOnlyList<string> notes) => new(null, [], notes);

    /// <summary>The sentence for "nothing found": what was looked at.</summary>
    public string LookedAt => Notes.Count == 0 ? "" : $" (Looked at: {string.Join("; ", Notes)}.)";
}
