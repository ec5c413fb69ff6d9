namespace ProviderAudit.Runtime.Settings;

/// <summary>How selector variables such as <c>CLAUDE_CODE_USE_BEDROCK</c> are read.</summary>
public static class EnvFlag
{
    private static readonly string[] TruthyValues = ["1", "true", "yes", "on"];
    private static readonly string[] FalsyValues = ["", "0", "false", "no", "off"];

    /// <summary>True for <c>1</c>, <c>true</c>, <c>yes</c>, <c>on</c> (any case, surrounding whitespace ignored); false for anything else.</summary>
    public static bool IsTruthy(string? value)
    {
        if (value is null)
        {
            return false;
        }

        var trimmed = value.Trim();
        return TruthyValues.Any(t => string.Equals(t, trimmed, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>
    /// True when the value is neither truthy nor an obvious "off" (<c>0</c>, <c>false</c>, <c>no</c>, <c>off</c>, empty):
    /// such a value is treated as false, and status says so instead of guessing.
    /// </summary>
    public static bool IsUnrecognized(string? value)
    {
        if (value is null || IsTruthy(value))
        {
            return false;
        }

        var trimmed = value.Trim();
        return !FalsyValues.Any(f => string.Equals(f, trimmed, StringComparison.OrdinalIgnoreCase));
    }
}
