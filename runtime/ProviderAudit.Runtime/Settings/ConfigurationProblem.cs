namespace ProviderAudit.Runtime.Settings;

/// <summary>One reason a transport cannot be used as configured: the variable (or setting) at fault and what to do.</summary>
/// <param name="Variable">The environment variable or setting the problem is about.</param>
/// <param name="Message">A sentence naming the variable and the fix; never contains a secret.</param>
public sealed record ConfigurationProblem(string Variable, string Message)
{
    /// <inheritdoc />
    public override string ToString() => Message;
}
