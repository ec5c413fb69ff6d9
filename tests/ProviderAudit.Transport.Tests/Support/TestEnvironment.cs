namespace ProviderAudit.Transport.Tests.Support;

/// <summary>
/// Environment dictionaries for the runtime: isolated from the machine (HOME in a temp folder, instance
/// metadata disabled) and never applied to this test process.
/// </summary>
internal static class TestEnvironment
{
    public static Dictionary<string, string> Isolated(string home, params (string Name, string Value)[] values)
    {
        var env = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["HOME"] = home,
            ["AWS_EC2_METADATA_DISABLED"] = "true",
            ["PATH"] = "/usr/bin:/bin",
        };
        foreach (var (name, value) in values)
        {
            env[name] = value;
        }

        return env;
    }

    /// <summary>The first-party credentials a CPA request must never carry.</summary>
    public static (string, string)[] FirstPartyCredentials =>
    [
        ("ANTHROPIC_API_KEY", "sk-ant-api03-firstpartyapikey-AAAA"),
        ("ANTHROPIC_AUTH_TOKEN", "sk-ant-oat01-firstpartyauthtoken-BBBB"),
        ("CLAUDE_CODE_OAUTH_TOKEN", "sk-ant-oat01-claudecodeoauth-CCCC"),
        ("ANTHROPIC_CUSTOM_HEADERS", "Authorization: Bearer sk-ant-oat01-customheader-DDDD\nx-api-key: sk-ant-api03-customheader-EEEE"),
    ];
}
