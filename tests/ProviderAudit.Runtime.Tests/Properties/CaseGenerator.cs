using CsCheck;

namespace ProviderAudit.Runtime.Tests.Properties;

/// <summary>
/// Generates <see cref="PropertyCase"/>s. CsCheck generates a fixed-length array of choices and <see cref="Decode"/>
/// reads the case from it; every choice's 0 is the simplest option (variable absent, the good value), so CsCheck's
/// shrinking (ints towards 0) shrinks the environment towards the smallest one that still fails.
/// </summary>
internal static class CaseGenerator
{
    private const int Choices = 512;

    // Secret-shaped and wrong-variable values; values chosen so no generated ordinary value shares 8 characters with them.
    private const string Base64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    private const string Base64Url = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    private const string Hex = "0123456789abcdef";

    private static readonly string[] ControlInserts = ["\n", "\r\n", "\u0007", "\u001b[2J", "\t", "\r", "\u0000", "\u2028", "\u202e", "\u200b"];
    // What can break a pasted key across lines without hiding what it is.
    private static readonly string[] KeyBreaks = ["\n", "\r\n", "\u0007", "\t", "\r"];
    private static readonly string[] FlagWords = ["1", "true", "TRUE", " yes ", "on", "0", "false", "no", "off", "", "enabled", "2", "y", "1\n", "tru"];

    public static Gen<PropertyCase> Case { get; } = Gen.Int[0, 1 << 20].Array[Choices].Select(Decode);

    public static PropertyCase Decode(int[] raw)
    {
        var c = new ChoiceStream(raw);
        var target = c.Next(8) switch { < 5 => LaunchTarget.ClaudeCode, 5 => LaunchTarget.Codex, 6 => LaunchTarget.Gemini, _ => LaunchTarget.OpenCode };

        var secrets = new List<string>();
        var count = 1 + c.Next(3);
        for (var i = 0; i < count; i++)
        {
            secrets.Add(Token(c.Next(5), c.Next(1 << 20)));
        }

        var environment = new Dictionary<string, string>(RuntimeVariables.HermeticPins, StringComparer.Ordinal);
        var known = new HashSet<string>(StringComparer.Ordinal);
        Fill(environment, c, secrets, known, inclusion: 3, home: true);

        var settingsEnv = new Dictionary<string, string>(StringComparer.Ordinal);
        if (c.Next(3) == 2)
        {
            Fill(settingsEnv, c, secrets, known, inclusion: 9, home: false);
        }

        var refresh = c.Next(3) switch
        {
            0 => null,
            var outcome => new CommandBehaviour(outcome == 1 ? 1 : 0, CommandOutput(c, secrets)),
        };
        var export = c.Next(3) switch
        {
            0 => null,
            1 => new CommandBehaviour(0, [ExportJson(secrets[0], secrets[^1], c.Next(2) == 0)]),
            _ => new CommandBehaviour(c.Next(2), CommandOutput(c, secrets)),
        };

        return new PropertyCase(target, environment, settingsEnv, refresh, export, secrets.Concat(CaseFiles.FileSecrets).ToArray());
    }

    // Credential variables first, so the values pasted into other variables can be tokens the environment holds.
    private static void Fill(Dictionary<string, string> target, ChoiceStream c, List<string> secrets, HashSet<string> known, int inclusion, bool home)
    {
        var ordered = RuntimeVariables.All
            .OrderBy(name => RuntimeVariables.KindOf(name) is VariableKind.Credential ? 0 : 1)
            .ThenBy(name => name, StringComparer.Ordinal);
        foreach (var name in ordered)
        {
            var kind = RuntimeVariables.KindOf(name);
            if (home && name == "HOME")
            {
                // HOME is always set (to a directory of the suite), so nothing ever falls back to this machine's home.
                target[name] = PathValue(name, c, secrets, known);
                continue;
            }

            if (c.Next(inclusion + 1) != inclusion)
            {
                continue;
            }

            if (kind is VariableKind.Credential)
            {
                var token = secrets[c.Next(secrets.Count)];
                if (RuntimeVariables.Secrets.Contains(name))
                {
                    // The scrubber knows it from here (AWS_ACCESS_KEY_ID is an identifier, not on its list).
                    known.Add(token);
                }

                target[name] = c.Next(6) switch
                {
                    0 or 1 => token,
                    2 => $"  {token} ",
                    3 => token + "\n",
                    4 => Insert(token, ControlInserts[c.Next(ControlInserts.Length)], 1 + c.Next(token.Length - 1)),
                    _ => token[..(token.Length / 2)] + " " + token[(token.Length / 2)..],
                };
                continue;
            }

            target[name] = c.Next(10) switch
            {
                // A secret in the wrong variable: a token the environment holds as a credential, or one shaped like an Anthropic key.
                9 when PasteableToken(c, secrets, known) is { } token => Pasted(token, c),
                _ => ValueOf(name, kind, c, secrets, known),
            };
        }
    }

    private static string ValueOf(string name, VariableKind kind, ChoiceStream c, List<string> secrets, HashSet<string> known)
    {
        if (kind is VariableKind.Path)
        {
            return PathValue(name, c, secrets, known);
        }

        var good = Good(name, kind, c);
        return c.Next(12) switch
        {
            < 4 => good,
            4 => $" {good} ",
            5 => good + "\n",
            6 => Insert(good, ControlInserts[c.Next(ControlInserts.Length)], c.Next(good.Length + 1)),
            7 => new[] { "", " ", "\t", " \n " }[c.Next(4)],
            8 => OverLong(c),
            9 => Bad(kind, c),
            10 => FlagWords[c.Next(FlagWords.Length)],
            _ => good + "\r\n",
        };
    }

    private static string Good(string name, VariableKind kind, ChoiceStream c) => kind switch
    {
        VariableKind.Flag => FlagWords[c.Next(FlagWords.Length)],
        VariableKind.Region when name == "ANTHROPIC_FOUNDRY_RESOURCE" => Pick(c, "my-foundry", "contoso-ai-1"),
        VariableKind.Region when name == "CLOUD_ML_REGION" => Pick(c, "us-east5", "global", "europe-west1"),
        VariableKind.Region => Pick(c, "us-west-2", "us-east-1", "eu-central-1", "ap-southeast-2"),
        VariableKind.Url when name.StartsWith("AWS_", StringComparison.Ordinal) => RuntimeVariables.ClosedLoopback + Pick(c, "", "/creds"),
        VariableKind.Url => Pick(c, "https://gateway.example.com", "https://gw.example.com/anthropic", "http://127.0.0.1:9", "http://localhost:9/v1"),
        VariableKind.CustomHeaders => Pick(c, "anthropic-beta: context-1m-2025-08-07", "X-Team: research"),
        VariableKind.WorkspaceId => Pick(c, "wrkspc_01AbCdEf", "wrkspc_staging"),
        VariableKind.ProjectId => Pick(c, "my-project-123", "example.com:my-proj-1"),
        VariableKind.ModelId => Pick(c, "claude-sonnet-4-6", "anthropic.claude-opus-4-5-20251101-v1:0", "claude-opus-4-5@20251101", "us.anthropic.claude-haiku-4-5-20251001-v1:0"),
        _ => Pick(c, "cc", "default", "team profile", "arn:aws:iam::123456789012:role/claude", "research"),
    };

    private static string Bad(VariableKind kind, ChoiceStream c) => kind switch
    {
        VariableKind.Region => Pick(c, "US-WEST-2", "us_west_2", "us-west-2.evil.example", "-us-west-2", "us--west-2"),
        VariableKind.Url => Pick(c, "ftp://gateway.example.com", "gateway.example.com", "https://user:pass@gw.example.com", "https://gw.example.com/?q=1",
            "http://gateway.example.com", "https://gw.example.com/#frag", "https://"),
        VariableKind.ProjectId => Pick(c, "My_Project", "p", "project/../../x", "123-start-with-digit"),
        VariableKind.ModelId => Pick(c, "gpt-4o", "claude sonnet", "anthropic.claude-x-v1:0\n"),
        _ => Pick(c, "a b", "x/y", "=", "null"),
    };

    // Every path lies under the suite's directory; which fixture it names decides what the runtime finds there.
    private static string PathValue(string name, ChoiceStream c, List<string> secrets, HashSet<string> known)
    {
        var good = name switch
        {
            "HOME" => $"{PropertyCase.Root}/home/{Pick(c, CaseFiles.SignInStates)}",
            "CLAUDE_CONFIG_DIR" => $"{PropertyCase.Root}/config/{Pick(c, CaseFiles.SignInStates)}",
            "AWS_CONFIG_FILE" => $"{PropertyCase.Root}/aws/{Pick(c, CaseFiles.AwsFileSets)}/config",
            "AWS_SHARED_CREDENTIALS_FILE" => $"{PropertyCase.Root}/aws/{Pick(c, CaseFiles.AwsFileSets)}/credentials",
            _ => $"{PropertyCase.Root}/files/{Pick(c, "token", "key.json", "missing")}",
        };
        return c.Next(8) switch
        {
            < 5 => good,
            5 => good + "\n",
            6 => Insert(good, ControlInserts[c.Next(ControlInserts.Length)], PropertyCase.Root.Length + c.Next(good.Length - PropertyCase.Root.Length + 1)),
            _ => PasteableToken(c, secrets, known) is { } token ? $"{PropertyCase.Root}/files/{token}" : good,
        };
    }

    private static string? PasteableToken(ChoiceStream c, List<string> secrets, HashSet<string> known)
    {
        var token = secrets[c.Next(secrets.Count)];
        return known.Contains(token) || token.StartsWith("sk-ant-", StringComparison.Ordinal) ? token : null;
    }

    // The ways a token lands in the wrong variable. Control characters go after an Anthropic key's "sk-ant-xxxxx-"
    // prefix: that prefix is what marks a key nothing else names as a secret.
    private static string Pasted(string token, ChoiceStream c) => c.Next(7) switch
    {
        0 or 1 => token,
        2 => $" {token} ",
        3 => token + "\n",
        4 => Insert(token, KeyBreaks[c.Next(KeyBreaks.Length)], 14 + c.Next(token.Length - 14)),
        5 => "key=" + token,
        _ => token[..Math.Max(14, token.Length / 2)],
    };

    private static List<string> CommandOutput(ChoiceStream c, List<string> secrets)
    {
        var lines = new List<string> { "Attempting to automatically open the SSO authorization page in your default browser.", "Then enter the code: ABCD-EFGH" };
        var secret = secrets[c.Next(secrets.Count)];
        lines.Add(c.Next(4) switch
        {
            0 => $"aws_secret_access_key = {secret}",
            1 => $"{{\"SecretAccessKey\": \"{secret}\"}}",
            2 => "\u001b[31mfailed\u001b[0m",
            _ => "Successfully logged into Start URL: https://example.awsapps.com/start",
        });
        return lines;
    }

    private static string ExportJson(string secretKey, string sessionToken, bool fresh) =>
        $"{{\"Credentials\":{{\"AccessKeyId\":\"AKIAPROPERTYSUITE01\",\"SecretAccessKey\":\"{secretKey.Replace("\"", "", StringComparison.Ordinal)}\"," +
        $"\"SessionToken\":\"{sessionToken.Replace("\"", "", StringComparison.Ordinal)}\",\"Expiration\":\"{(fresh ? "2099-01-01T00:00:00Z" : "2000-01-01T00:00:00Z")}\"}}}}";

    private static string Token(int shape, int seed)
    {
        var random = new Random(seed);
        string Draw(string alphabet, int length) => string.Create(length, random, (span, r) =>
        {
            for (var i = 0; i < span.Length; i++)
            {
                span[i] = alphabet[r.Next(alphabet.Length)];
            }
        });

        return shape switch
        {
            0 => "sk-ant-api03-" + Draw(Base64Url, random.Next(40, 96)),
            1 => Draw(Base64, 40),
            2 => "FwoGZXIvYXdzE" + Draw(Base64, random.Next(100, 600)),
            3 => Draw(Base64Url, random.Next(24, 64)),
            _ => Draw(Hex, 32),
        };
    }

    private static string OverLong(ChoiceStream c) => new string("abcxyz-"[c.Next(7)], 300 + c.Next(4000));

    private static string Insert(string value, string insert, int at) => value[..Math.Clamp(at, 0, value.Length)] + insert + value[Math.Clamp(at, 0, value.Length)..];

    private static string Pick(ChoiceStream c, params string[] options) => options[c.Next(options.Length)];

    /// <summary>Reads choices from CsCheck's ints; past the end every choice is 0 (the simplest).</summary>
    private sealed class ChoiceStream(int[] raw)
    {
        private int _next;

        public int Next(int options) => options <= 1 ? 0 : _next < raw.Length ? raw[_next++] % options : 0;
    }
}
