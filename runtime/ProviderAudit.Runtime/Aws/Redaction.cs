using System.Text.RegularExpressions;

namespace ProviderAudit.Runtime.Aws;

/// <summary>
/// Removes secrets from text that leaves the AWS transport (refresh-command output, SDK error messages):
/// every known secret value, plus shapes that are secrets wherever they appear (Anthropic keys,
/// <c>SecretAccessKey</c>/<c>SessionToken</c> JSON fields, <c>aws_secret_access_key = …</c> lines).
/// </summary>
public sealed partial class Redaction
{
    // Variables whose values are credentials; an env value this short is not a real credential and would
    // match ordinary words.
    private static readonly string[] SecretVariables =
    [
        "ANTHROPIC_API_KEY", "ANTHROPIC_AUTH_TOKEN", "CLAUDE_CODE_OAUTH_TOKEN", "ANTHROPIC_CUSTOM_HEADERS",
        "ANTHROPIC_AWS_API_KEY", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN", "AWS_BEARER_TOKEN_BEDROCK",
        "AWS_CONTAINER_AUTHORIZATION_TOKEN", "ANTHROPIC_FOUNDRY_API_KEY",
    ];

    private const int MinimumSecretLength = 8;
    private readonly List<string> _secrets = [];

    /// <summary>A redaction that knows the credential values in <paramref name="environment"/>.</summary>
    public static Redaction For(IReadOnlyDictionary<string, string> environment)
    {
        var redaction = new Redaction();
        foreach (var name in SecretVariables)
        {
            if (environment.TryGetValue(name, out var value))
            {
                redaction.Add(value);
            }
        }

        return redaction;
    }

    /// <summary>Also redact <paramref name="secret"/> from now on.</summary>
    public Redaction Add(string? secret)
    {
        var value = secret?.Trim();
        if (value is { Length: >= MinimumSecretLength })
        {
            lock (_secrets)
            {
                if (!_secrets.Contains(value))
                {
                    _secrets.Add(value);
                    _secrets.Sort((a, b) => b.Length.CompareTo(a.Length));
                }
            }
        }

        return this;
    }

    /// <summary>The text with every secret replaced by its redacted form.</summary>
    public string Apply(string text)
    {
        lock (_secrets)
        {
            foreach (var secret in _secrets)
            {
                text = text.Replace(secret, Redact(secret), StringComparison.Ordinal);
            }
        }

        text = AnthropicKey().Replace(text, m => Redact(m.Value));
        text = JsonSecretField().Replace(text, m => m.Groups["head"].Value + Redact(m.Groups["value"].Value) + "\"");
        return IniSecretLine().Replace(text, m => m.Groups["head"].Value + Redact(m.Groups["value"].Value));
    }

    /// <summary>The runtime's one redacted form (<see cref="Secret.Redact"/>): <c>sk-…abcd</c>.</summary>
    public static string Redact(string? value) => Secret.Redact(value);

    [GeneratedRegex(@"sk-ant-[A-Za-z0-9_\-]{6,}", RegexOptions.CultureInvariant)]
    private static partial Regex AnthropicKey();

    [GeneratedRegex("(?<head>\"(?:SecretAccessKey|SessionToken|secretAccessKey|sessionToken|aws_secret_access_key|aws_session_token)\"\\s*:\\s*\")(?<value>[^\"]+)\"", RegexOptions.CultureInvariant)]
    private static partial Regex JsonSecretField();

    [GeneratedRegex(@"(?<head>(?:aws_secret_access_key|aws_session_token|AWS_SECRET_ACCESS_KEY|AWS_SESSION_TOKEN)\s*[=:]\s*)(?<value>[^\s""']+)", RegexOptions.CultureInvariant)]
    private static partial Regex IniSecretLine();
}
