using System.Text.RegularExpressions;

namespace ProviderAudit.Runtime;

/// <summary>
/// The runtime's one scrubber for text that leaves it: status messages, warnings, problems, details, exception
/// messages and host-command output. Messages are written not to contain secrets; this is the last line of defence
/// for the ones that slip in (a key pasted into the wrong variable and echoed back, cut to a quoted excerpt or with
/// its control characters escaped).
/// </summary>
/// <remarks>
/// <see cref="Apply"/>, in order: writes control characters as escapes (<see cref="DisplayText.Escape"/>); replaces
/// each known secret — the value of every <see cref="SecretVariables"/> entry in the environment, and any value
/// added with <see cref="Add"/> — by its redacted form; removes every run of <see cref="FragmentLength"/> or more
/// characters that also occurs in a known secret (raw, or with its whitespace, control and invisible characters removed), so a
/// cut or escaped copy goes too; and redacts what is a secret wherever it appears: Anthropic keys and tokens
/// (<c>sk-ant-…</c>, also across escaped control characters), <c>SecretAccessKey</c>/<c>SessionToken</c> JSON
/// fields and <c>aws_secret_access_key = …</c> lines.
/// </remarks>
public sealed partial class SecretScrubber
{
    /// <summary>
    /// Secrets shorter than this are ignored (they would match ordinary words, and nothing that short is a real
    /// credential); runs of this many characters of a secret are what counts as a fragment of it.
    /// </summary>
    public const int FragmentLength = 8;

    private readonly object _gate = new();
    private readonly List<string> _secrets = [];
    private readonly HashSet<(ulong, ulong)> _fragments = [];

    /// <summary>Variables whose values are credentials (the one list; ANTHROPIC_CUSTOM_HEADERS counts per header value).</summary>
    public static IReadOnlyList<string> SecretVariables { get; } =
    [
        EnvironmentVariableNames.AnthropicApiKey, EnvironmentVariableNames.AnthropicAuthToken, EnvironmentVariableNames.ClaudeCodeOAuthToken,
        EnvironmentVariableNames.AnthropicCustomHeaders, EnvironmentVariableNames.AnthropicAwsApiKey, EnvironmentVariableNames.AwsSecretAccessKey,
        AwsTransportVariables.AwsSecretKeyLegacy, EnvironmentVariableNames.AwsSessionToken, EnvironmentVariableNames.AwsContainerAuthorizationToken,
        EnvironmentVariableNames.BedrockBearerToken,
        EnvironmentVariableNames.FoundryApiKey, "AZURE_CLIENT_SECRET", "OPENAI_API_KEY", "GEMINI_API_KEY", "GOOGLE_API_KEY",
    ];

    /// <summary>The text with every secret of <paramref name="environment"/> (and every secret shape) removed; see <see cref="SecretScrubber"/>.</summary>
    public static string Scrub(string text, IReadOnlyDictionary<string, string> environment) => For(environment).Apply(text);

    /// <summary>
    /// A scrubber that knows the credential values in every one of <paramref name="environments"/> (the process
    /// environment as well as the effective one: a secret a settings file overrode can still be pasted elsewhere).
    /// </summary>
    internal static SecretScrubber For(params IReadOnlyDictionary<string, string>[] environments)
    {
        var scrubber = new SecretScrubber();
        foreach (var (name, value) in environments.SelectMany(e => SecretVariables.Select(n => (n, e.TryGetValue(n, out var v) ? v : null))))
        {
            if (value is null)
            {
                continue;
            }

            if (name == EnvironmentVariableNames.AnthropicCustomHeaders)
            {
                // "Name: value" lines: the values are the secrets; header names are ordinary words.
                foreach (var line in value.Split('\n'))
                {
                    scrubber.Add(line.IndexOf(':') is var colon and >= 0 ? line[(colon + 1)..] : line);
                }
            }
            else
            {
                scrubber.Add(value);
            }
        }

        return scrubber;
    }

    /// <summary>Also treats <paramref name="secret"/> as a secret from now on (e.g. credentials a command printed).</summary>
    internal SecretScrubber Add(string? secret)
    {
        var value = secret?.Trim();
        if (value is not { Length: >= FragmentLength })
        {
            return this;
        }

        lock (_gate)
        {
            if (_secrets.Contains(value))
            {
                return this;
            }

            _secrets.Add(value);
            _secrets.Sort((a, b) => b.Length.CompareTo(a.Length));
            AddFragments(value);
            var compact = string.Concat(value.Where(c => !DisplayText.NeedsEscape(c) && !char.IsWhiteSpace(c)));
            if (compact.Length != value.Length)
            {
                AddFragments(compact);
            }
        }

        return this;
    }

    /// <summary>The text made safe to show; see <see cref="SecretScrubber"/>.</summary>
    internal string Apply(string text)
    {
        text = DisplayText.Escape(text);
        lock (_gate)
        {
            foreach (var secret in _secrets)
            {
                text = text.Replace(secret, Secret.Redact(secret), StringComparison.Ordinal);
                var escaped = DisplayText.Escape(secret);
                if (!ReferenceEquals(escaped, secret))
                {
                    text = text.Replace(escaped, Secret.Redact(secret), StringComparison.Ordinal);
                }
            }

            text = RemoveFragments(text);
        }

        text = AnthropicKey().Replace(text, m => Secret.Redact(m.Value));
        text = JsonSecretField().Replace(text, m => m.Groups["head"].Value + Secret.Redact(m.Groups["value"].Value) + "\"");
        return IniSecretLine().Replace(text, m => m.Groups["head"].Value + Secret.Redact(m.Groups["value"].Value));
    }

    private void AddFragments(string value)
    {
        for (var i = 0; i + FragmentLength <= value.Length; i++)
        {
            _fragments.Add(Window(value, i));
        }
    }

    // Every character inside a window that matches a fragment is dropped; each dropped stretch becomes one "…".
    private string RemoveFragments(string text)
    {
        if (_fragments.Count == 0 || text.Length < FragmentLength)
        {
            return text;
        }

        bool[]? dropped = null;
        for (var i = 0; i + FragmentLength <= text.Length; i++)
        {
            if (_fragments.Contains(Window(text, i)))
            {
                dropped ??= new bool[text.Length];
                Array.Fill(dropped, true, i, FragmentLength);
            }
        }

        if (dropped is null)
        {
            return text;
        }

        var builder = new System.Text.StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            if (!dropped[i])
            {
                builder.Append(text[i]);
            }
            else if (i == 0 || !dropped[i - 1])
            {
                builder.Append('…');
            }
        }

        return builder.ToString();
    }

    // Eight UTF-16 characters packed exactly into two words: a set lookup per position, no substring allocated.
    private static (ulong, ulong) Window(string text, int start) =>
        (text[start] | (ulong)text[start + 1] << 16 | (ulong)text[start + 2] << 32 | (ulong)text[start + 3] << 48,
         text[start + 4] | (ulong)text[start + 5] << 16 | (ulong)text[start + 6] << 32 | (ulong)text[start + 7] << 48);

    // Continues through escaped control characters (\n, \u0007, …), so a key split by one is removed whole.
    [GeneratedRegex(@"sk-ant-(?:[A-Za-z0-9_\-]|\\[nrt]|\\u[0-9a-f]{4})+", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex AnthropicKey();

    [GeneratedRegex("(?<head>\"(?:SecretAccessKey|SessionToken|secretAccessKey|sessionToken|aws_secret_access_key|aws_session_token)\"\\s*:\\s*\")(?<value>[^\"]+)\"", RegexOptions.CultureInvariant)]
    private static partial Regex JsonSecretField();

    [GeneratedRegex(@"(?<head>(?:aws_secret_access_key|aws_session_token|AWS_SECRET_ACCESS_KEY|AWS_SESSION_TOKEN)\s*[=:]\s*)(?<value>[^\s""']+)", RegexOptions.CultureInvariant)]
    private static partial Regex IniSecretLine();
}
