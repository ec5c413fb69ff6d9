using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.RegularExpressions;
using ProviderAudit.Runtime.Backends;
using ProviderAudit.Runtime.Requests;
using ProviderAudit.Runtime.Settings;

namespace ProviderAudit.Runtime.Secrets;

/// <summary>
/// The runtime's one scrubber for text that leaves it: status messages, warnings, problems, details, exception
/// messages and host-command output. Messages are written not to contain secrets; this is the last line of defence
/// for the ones that slip in (a key pasted into the wrong variable and echoed back, cut to a quoted excerpt or with
/// its control characters escaped, a token a host command printed).
/// </summary>
/// <remarks>
/// <see cref="Apply"/>, in order:
/// <list type="number">
/// <item>writes control characters as escapes (<see cref="DisplayText.Escape"/>);</item>
/// <item>replaces each known secret — the value of every <see cref="SecretVariables"/> entry in the environment, and
/// any value added with <see cref="Add"/> — by its redacted form, raw and in each encoding a message or a JSON document
/// could carry it in (escaped, without its whitespace and invisible characters, JSON-escaped, URL-encoded, base64);</item>
/// <item>removes each run of token characters that holds <see cref="FragmentLength"/> or more consecutive characters of
/// a known secret (a cut or re-wrapped copy) — unless the run is an ordinary word (variable and header names such as
/// <c>x-api-key</c> or <c>AWS_PROFILE</c>, words in one case, never a mix of cases and digits) that shares fewer than
/// twice that many with it: a name a secret happens to contain stays, a passphrase's copy goes;</item>
/// <item>redacts what has the shape of a credential wherever it appears (<see cref="TokenShapes"/>): Anthropic keys
/// (<c>sk-ant-…</c>, also across escaped control characters), Vault (<c>hvs.</c>), GitHub (<c>ghp_</c>, <c>gho_</c>, …),
/// Slack (<c>xoxb-</c>, …) tokens, AWS access key ids (<c>AKIA…</c>/<c>ASIA…</c>), JWTs, bearer tokens,
/// <c>SecretAccessKey</c>/<c>SessionToken</c> JSON fields, <c>aws_secret_access_key = …</c> lines, and long
/// high-entropy runs (a 1Password session, an unlabelled secret key).</item>
/// </list>
/// </remarks>
public sealed partial class SecretScrubber
{
    /// <summary>
    /// Secrets shorter than this are ignored (they would match ordinary words, and nothing that short is a real
    /// credential); a run of text sharing this many consecutive characters with a secret counts as a copy of it.
    /// </summary>
    public const int FragmentLength = 8;

    /// <summary>The shortest run of token characters the entropy rule looks at.</summary>
    public const int HighEntropyRunLength = 32;

    // Shannon entropy per character above which a 32+ character run mixing upper case, lower case and digits is
    // taken for a secret: random base64 of that length measures 4.5–5.2; identifiers and words stay below 4.
    private const double HighEntropyBitsPerCharacter = 4.0;

    private readonly object _gate = new();
    private readonly List<string> _secrets = [];
    private readonly List<(string Form, string Redacted)> _forms = [];
    private readonly HashSet<(ulong, ulong)> _fragments = [];

    /// <summary>
    /// Variables whose values are credentials (the one list): every backend's credential variables, as its transport
    /// declares them, then <c>ANTHROPIC_CUSTOM_HEADERS</c> (counted per header value) and the other launch targets' keys.
    /// </summary>
    public static IReadOnlyList<string> SecretVariables { get; } =
        RuntimeBackends.All.SelectMany(b => b.Transport.CredentialVariables)
            .Concat([EnvironmentVariableNames.AnthropicCustomHeaders, "OPENAI_API_KEY", "GEMINI_API_KEY", "GOOGLE_API_KEY"])
            .Distinct(StringComparer.Ordinal)
            .ToArray();

    /// <summary>The names of the shapes <see cref="Apply"/> redacts wherever they appear (docs/runtime.md lists them).</summary>
    public static IReadOnlyList<string> TokenShapes { get; } =
    [
        "sk-ant-… (Anthropic)", "hvs./hvb./hvr. (Vault)", "ghp_/gho_/ghs_/ghu_/ghr_/github_pat_ (GitHub)", "xoxa-/xoxb-/xoxp-/xoxr-/xoxs-/xoxo- (Slack)",
        "AKIA…/ASIA… (AWS access key ids)", "eyJ….eyJ…. (JWTs)", "Bearer … (bearer tokens)", "SecretAccessKey/SessionToken JSON fields",
        "aws_secret_access_key/aws_session_token lines", $"runs of {HighEntropyRunLength}+ characters mixing upper case, lower case and digits at ≥ {HighEntropyBitsPerCharacter} bits per character",
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
                AddCustomHeaderSecrets(scrubber, value);
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
            var redacted = Secret.Redact(value);
            var compact = string.Concat(value.Where(c => !DisplayText.NeedsEscape(c) && !char.IsWhiteSpace(c)));
            foreach (var form in Encodings(value).Append(compact).Distinct(StringComparer.Ordinal))
            {
                if (form.Length >= FragmentLength)
                {
                    _forms.Add((form, redacted));
                }
            }

            // Longest first, so a secret that contains another is replaced whole.
            _forms.Sort((a, b) => b.Form.Length.CompareTo(a.Form.Length));
            AddFragments(value);
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
            foreach (var (form, redacted) in _forms)
            {
                text = text.Replace(form, redacted, StringComparison.Ordinal);
            }

            text = RemoveCopies(text);
        }

        text = AnthropicKey().Replace(text, m => Secret.Redact(m.Value));
        text = PrefixedToken().Replace(text, m => Secret.Redact(m.Value));
        text = AwsAccessKeyId().Replace(text, m => Secret.Redact(m.Value));
        text = Jwt().Replace(text, m => Secret.Redact(m.Value));
        text = BearerToken().Replace(text, m => m.Groups["head"].Value + Secret.Redact(m.Groups["value"].Value));
        text = JsonSecretField().Replace(text, m => m.Groups["head"].Value + Secret.Redact(m.Groups["value"].Value) + "\"");
        text = IniSecretLine().Replace(text, m => m.Groups["head"].Value + Secret.Redact(m.Groups["value"].Value));
        return HighEntropyCandidate().Replace(text, m => IsHighEntropy(m.ValueSpan) ? Secret.Redact(m.Value) : m.Value);
    }

    /// <summary>
    /// True for a run of token characters that reads as an ordinary word: parts between <c>-</c>, <c>_</c>, <c>.</c> and
    /// <c>/</c> that are each all lower case, all upper case, capitalised, or a short number — a variable or header
    /// name, a region, a file name. A secret is never shaped like that (it mixes cases and digits within a part).
    /// </summary>
    internal static bool IsOrdinaryWord(ReadOnlySpan<char> run)
    {
        var start = 0;
        for (var i = 0; i <= run.Length; i++)
        {
            if (i < run.Length && run[i] is not ('-' or '_' or '.' or '/'))
            {
                continue;
            }

            if (!IsOrdinaryPart(run[start..i]))
            {
                return false;
            }

            start = i + 1;
        }

        return true;
    }

    private static bool IsOrdinaryPart(ReadOnlySpan<char> part)
    {
        if (part.IsEmpty)
        {
            return true;
        }

        int digits = 0, upper = 0, lower = 0, upperAfterFirst = 0;
        for (var i = 0; i < part.Length; i++)
        {
            var c = part[i];
            if (char.IsAsciiDigit(c))
            {
                digits++;
            }
            else if (char.IsAsciiLetterUpper(c))
            {
                upper++;
                upperAfterFirst += i > 0 ? 1 : 0;
            }
            else if (char.IsAsciiLetterLower(c))
            {
                lower++;
            }
            else
            {
                return false;
            }
        }

        // A short number (a version, "2" in us-west-2), or letters in one case, or Capitalised.
        return digits == part.Length ? part.Length <= 4
            : digits == 0 && (upper == 0 || lower == 0 || upperAfterFirst == 0);
    }

    /// <summary>True for a run of at least <see cref="HighEntropyRunLength"/> characters that looks random (see <see cref="TokenShapes"/>).</summary>
    internal static bool IsHighEntropy(ReadOnlySpan<char> run)
    {
        if (run.Length < HighEntropyRunLength || !run.ContainsAnyInRange('A', 'Z') || !run.ContainsAnyInRange('a', 'z') || !run.ContainsAnyInRange('0', '9'))
        {
            return false;
        }

        Span<int> counts = stackalloc int[128];
        foreach (var c in run)
        {
            counts[c & 0x7f]++;
        }

        var entropy = 0.0;
        foreach (var count in counts)
        {
            if (count > 0)
            {
                var p = (double)count / run.Length;
                entropy -= p * Math.Log2(p);
            }
        }

        return entropy >= HighEntropyBitsPerCharacter;
    }

    // "Name: value" lines. A value is a secret when its header carries credentials (Authorization, x-api-key, a
    // cookie, anything named for a token, key, secret or session) or when it looks like one; "X-Team: research" and
    // "anthropic-beta: context-1m-2025-08-07" are neither, and stay readable. "Bearer <token>" also registers the token.
    private static void AddCustomHeaderSecrets(SecretScrubber scrubber, string value)
    {
        foreach (var line in value.Split('\n'))
        {
            var colon = line.IndexOf(':');
            if (colon < 0)
            {
                // Not a header line (a typo such as "x-api-key=…"): all of it may be a credential.
                if (!IsOrdinaryWord(line.Trim()))
                {
                    scrubber.Add(line);
                }

                continue;
            }

            var name = line[..colon].Trim();
            var headerValue = line[(colon + 1)..].Trim();
            if (!CustomHeaders.IsCredentialHeader(name) && !DisplayText.LooksLikeCredential(headerValue))
            {
                continue;
            }

            scrubber.Add(headerValue);
            if (headerValue.IndexOf(' ') is var space and > 0)
            {
                scrubber.Add(headerValue[(space + 1)..]);
            }
        }
    }

    private static IEnumerable<string> Encodings(string value)
    {
        var forms = new List<string> { value, DisplayText.Escape(value) };
        try
        {
            forms.Add(JsonEncodedText.Encode(value).Value);
            forms.Add(JsonEncodedText.Encode(value, JavaScriptEncoder.UnsafeRelaxedJsonEscaping).Value);
            forms.Add(Uri.EscapeDataString(value));
        }
        catch (Exception e) when (e is ArgumentException or UriFormatException)
        {
            // A lone surrogate has no JSON or URL form; the raw and escaped forms still go.
        }

        var base64 = Convert.ToBase64String(Encoding.UTF8.GetBytes(value));
        forms.Add(base64);
        forms.Add(base64.TrimEnd('=').Replace('+', '-').Replace('/', '_'));
        return forms;
    }

    private void AddFragments(string value)
    {
        for (var i = 0; i + FragmentLength <= value.Length; i++)
        {
            _fragments.Add(Window(value, i));
        }
    }

    // A run of token characters that shares a window with a known secret is a copy of it (cut, re-wrapped, quoted):
    // the whole run becomes one "…", unless it is an ordinary word.
    private string RemoveCopies(string text)
    {
        if (_fragments.Count == 0 || text.Length < FragmentLength)
        {
            return text;
        }

        StringBuilder? builder = null;
        var copied = 0;
        var i = 0;
        while (i < text.Length)
        {
            if (!IsTokenCharacter(text[i]))
            {
                i++;
                continue;
            }

            var start = i;
            while (i < text.Length && IsTokenCharacter(text[i]))
            {
                i++;
            }

            if (i - start >= FragmentLength && SharedWithASecret(text, start, i) is var shared and >= FragmentLength
                && (shared >= 2 * FragmentLength || !IsOrdinaryWord(text.AsSpan(start, i - start))))
            {
                builder ??= new StringBuilder(text.Length);
                builder.Append(text, copied, start - copied).Append('…');
                copied = i;
            }
        }

        return builder is null ? text : builder.Append(text, copied, text.Length - copied).ToString();
    }

    // The longest stretch of the run made of secret fragments, in characters (0 when none): overlapping windows that
    // all occur in known secrets. A name such as "x-api-key" may share a few characters with a secret that contains it;
    // a copy of a passphrase made of words shares many.
    private int SharedWithASecret(string text, int start, int end)
    {
        int longest = 0, streak = 0;
        for (var j = start; j + FragmentLength <= end; j++)
        {
            streak = _fragments.Contains(Window(text, j)) ? streak + 1 : 0;
            longest = Math.Max(longest, streak);
        }

        return longest == 0 ? 0 : longest + FragmentLength - 1;
    }

    // Characters secrets and their encodings are made of: base64 (+ / =), base64url (- _), hex, JWT and Vault dots,
    // URL escapes (%).
    private static bool IsTokenCharacter(char c) => char.IsAsciiLetterOrDigit(c) || c is '+' or '/' or '=' or '_' or '-' or '.' or '%' or '~';

    // Eight UTF-16 characters packed exactly into two words: a set lookup per position, no substring allocated.
    private static (ulong, ulong) Window(string text, int start) =>
        (text[start] | (ulong)text[start + 1] << 16 | (ulong)text[start + 2] << 32 | (ulong)text[start + 3] << 48,
         text[start + 4] | (ulong)text[start + 5] << 16 | (ulong)text[start + 6] << 32 | (ulong)text[start + 7] << 48);

    // Continues through escaped control characters (\n, \u0007, …), so a key split by one is removed whole.
    [GeneratedRegex(@"sk-ant-(?:[A-Za-z0-9_\-]|\\[nrt]|\\u[0-9a-f]{4})+", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex AnthropicKey();

    [GeneratedRegex(@"(?<![A-Za-z0-9])(?:hv[sbr]\.[A-Za-z0-9_\-]{20,}|gh[pousr]_[A-Za-z0-9]{20,}|github_pat_[A-Za-z0-9_]{20,}|xox[abposr]-[A-Za-z0-9\-]{10,})", RegexOptions.CultureInvariant)]
    private static partial Regex PrefixedToken();

    [GeneratedRegex(@"(?<![A-Za-z0-9])(?:AKIA|ASIA)[A-Z0-9]{16}(?![A-Za-z0-9])", RegexOptions.CultureInvariant)]
    private static partial Regex AwsAccessKeyId();

    [GeneratedRegex(@"eyJ[A-Za-z0-9_\-]{4,}\.eyJ[A-Za-z0-9_\-]{4,}\.[A-Za-z0-9_\-]*", RegexOptions.CultureInvariant)]
    private static partial Regex Jwt();

    [GeneratedRegex(@"(?<head>\b[Bb]earer\s+)(?<value>[A-Za-z0-9._~+/=\-]{16,})", RegexOptions.CultureInvariant)]
    private static partial Regex BearerToken();

    [GeneratedRegex("(?<head>\"(?:SecretAccessKey|SessionToken|secretAccessKey|sessionToken|aws_secret_access_key|aws_session_token)\"\\s*:\\s*\")(?<value>[^\"]+)\"", RegexOptions.CultureInvariant)]
    private static partial Regex JsonSecretField();

    [GeneratedRegex(@"(?<head>(?:aws_secret_access_key|aws_session_token|AWS_SECRET_ACCESS_KEY|AWS_SESSION_TOKEN)\s*[=:]\s*)(?<value>[^\s""']+)", RegexOptions.CultureInvariant)]
    private static partial Regex IniSecretLine();

    // Absolute paths (a leading '/') are file names, not keys, however random a temporary directory's name is.
    [GeneratedRegex(@"(?<![A-Za-z0-9+/=_\-])[A-Za-z0-9+=_\-][A-Za-z0-9+/=_\-]{31,}", RegexOptions.CultureInvariant)]
    private static partial Regex HighEntropyCandidate();
}
