using CsCheck;

namespace ProviderAudit.Runtime.Tests.Properties.AwsFiles;

/// <summary>
/// Generates <see cref="AwsFilesCase"/>s: random <c>~/.aws/config</c> and <c>credentials</c> files — sections for the
/// profile in use and others, written right and in the ways people get them wrong (duplicates, inline comments, quotes,
/// capitals, indentation, empty keys, leftover SSO settings, keys split between files, stray lines), encodings (BOM,
/// CRLF, UTF-16), sizes and special files — crossed with random environments (AWS_PROFILE padded or missing, files
/// named through ~ or absolute paths, environment keys). As in <see cref="CaseGenerator"/>, every choice's 0 is the
/// simplest, so CsCheck shrinks towards the smallest failing setup.
/// </summary>
internal static class AwsFilesGenerator
{
    private const int ChoiceCount = 256;
    private const string Base32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
    private const string Base64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

    private static readonly string[] Profiles = ["default", "cc", "dev"];

    public static Gen<AwsFilesCase> Case { get; } = Gen.Int[0, 1 << 20].Array[ChoiceCount].Select(Decode);

    public static AwsFilesCase Decode(int[] raw)
    {
        var c = new Choices(raw);

        // The pairs' characters come from one seed (two choices), not one choice per character.
        var random = new Random(c.Next(1 << 20) ^ (c.Next(1 << 20) << 11));
        var pairs = Enumerable.Range(0, 3).Select(_ => Pair(random)).ToArray();

        var env = new Dictionary<string, string>(StringComparer.Ordinal) { ["HOME"] = AwsFilesCase.Home };
        var profile = c.Next(9) switch
        {
            0 => null,
            1 or 2 => "cc",
            3 => " cc",
            4 => "cc ",
            5 => "dev",
            6 => "default",
            7 => "missing",
            _ => "CC",
        };
        if (profile is not null)
        {
            env["AWS_PROFILE"] = profile;
        }

        var (configPath, configVariable) = Location(c, "config");
        var (credentialsPath, credentialsVariable) = Location(c, "credentials");
        if (configVariable is not null)
        {
            env["AWS_CONFIG_FILE"] = configVariable;
        }

        if (credentialsVariable is not null)
        {
            env["AWS_SHARED_CREDENTIALS_FILE"] = credentialsVariable;
        }

        switch (c.Next(10))
        {
            case 0:
                var pair = pairs[c.Next(pairs.Length)];
                env["AWS_ACCESS_KEY_ID"] = c.Next(3) == 0 ? $" {pair.AccessKeyId} " : pair.AccessKeyId;
                env["AWS_SECRET_ACCESS_KEY"] = pair.SecretAccessKey;
                break;
            case 1:
                env["AWS_ACCESS_KEY_ID"] = pairs[0].AccessKeyId;
                break;
        }

        return new AwsFilesCase(env, File(c, pairs, config: true), configPath, File(c, pairs, config: false), credentialsPath, pairs);
    }

    // Where a file is and how the environment names it: the default location, ~/…, or an absolute path.
    private static (string Path, string? Variable) Location(Choices c, string name) => c.Next(6) switch
    {
        < 3 => ($"{AwsFilesCase.Home}/.aws/{name}", null),
        3 => ($"{AwsFilesCase.Home}/.aws/{name}", $"~/.aws/{name}"),
        4 => ($"{AwsFilesCase.Home}/alt/{name}", $"~/alt/{name}"),
        _ => ($"{AwsFilesCase.Home}/alt/{name}", $"{AwsFilesCase.Home}/alt/{name}"),
    };

    private static AwsFileSpec File(Choices c, KeyPair[] pairs, bool config)
    {
        var kind = c.Next(16) switch
        {
            0 or 1 => AwsFileKind.Absent,
            2 => AwsFileKind.Fifo,
            3 => AwsFileKind.DevZero,
            4 => AwsFileKind.DevNull,
            5 => AwsFileKind.Directory,
            6 => AwsFileKind.Oversize,
            7 => AwsFileKind.Utf16,
            _ => AwsFileKind.Text,
        };
        if (kind is not (AwsFileKind.Text or AwsFileKind.Oversize or AwsFileKind.Utf16))
        {
            return AwsFileSpec.Absent with { Kind = kind };
        }

        var lines = new List<string>();
        if (c.Next(15) == 0)
        {
            lines.Add("aws_access_key_id = " + pairs[0].AccessKeyId); // before any section
        }

        var sections = 1 + c.Next(4);
        var headers = new List<string>();
        for (var s = 0; s < sections; s++)
        {
            var header = c.Next(12) == 0 && headers.Count > 0 ? headers[c.Next(headers.Count)] : Header(c, config);
            headers.Add(header);
            lines.Add($"[{header}]");
            var properties = c.Next(7);
            for (var p = 0; p < properties; p++)
            {
                lines.AddRange(Property(c, pairs, config));
            }
        }

        if (c.Next(15) == 0)
        {
            lines.Insert(c.Next(lines.Count + 1), "this line is no ini");
        }

        var text = string.Join("\n", lines) + (c.Next(4) == 0 ? "" : "\n");
        return new AwsFileSpec(kind, text, Bom: c.Next(6) == 0, Crlf: c.Next(4) == 0);
    }

    private static string Header(Choices c, bool config)
    {
        var name = c.Next(8) == 0 ? "other" : Profiles[c.Next(Profiles.Length)];
        if (!config)
        {
            return c.Next(14) switch
            {
                0 => "profile " + name,
                1 => $" {name} ",
                _ => name,
            };
        }

        if (name == "default" && c.Next(3) > 0)
        {
            return "default";
        }

        return c.Next(14) switch
        {
            0 => name,
            1 => "profile  " + name,
            2 => $"profile {name} ",
            _ => "profile " + name,
        };
    }

    private static IEnumerable<string> Property(Choices c, KeyPair[] pairs, bool config)
    {
        var pair = pairs[c.Next(pairs.Length)];
        var (key, value) = c.Next(16) switch
        {
            < 4 => ("aws_access_key_id", pair.AccessKeyId),
            < 8 => ("aws_secret_access_key", pair.SecretAccessKey),
            8 or 9 => ("aws_session_token", pair.SessionToken),
            10 => ("region", "us-west-2"),
            11 => (new[] { "mfa_serial", "role_session_name", "external_id", "output" }[c.Next(4)], "arn:aws:iam::123456789012:mfa/me"),
            12 => (new[] { "sso_start_url", "sso_region" }[c.Next(2)], "https://example.awsapps.com/start"),
            13 => ("credential_process", $"{AwsFilesCase.Home}/bin/creds-{c.Next(pairs.Length)}"),
            14 => ("s3", ""),
            _ => ("# a comment", ""),
        };
        if (key.StartsWith('#'))
        {
            yield return c.Next(2) == 0 ? "# a comment" : "; another";
            yield break;
        }

        var decorated = value.Length == 0 ? "" : c.Next(10) switch
        {
            0 => value + " # main",
            1 => $"\"{value}\"",
            2 => value + "   ",
            _ => value,
        };
        var writtenKey = c.Next(14) == 0 ? key.ToUpperInvariant() : key;
        var indent = c.Next(14) == 0 ? "  " : "";
        var separator = c.Next(5) switch { 0 => "=", 1 => "\t=\t", _ => " = " };
        var line = $"{indent}{writtenKey}{separator}{decorated}".TrimEnd(' ', '\t');
        yield return value.Length == 0 && key == "s3" ? "s3 =" : line;
        if (key == "s3")
        {
            yield return "  max_concurrent_requests = 10";
        }

        if (c.Next(10) == 0)
        {
            yield return line; // written twice
        }
    }

    private static KeyPair Pair(Random random)
    {
        string Draw(string alphabet, int length) => string.Create(length, random, (span, r) =>
        {
            for (var i = 0; i < span.Length; i++)
            {
                span[i] = alphabet[r.Next(alphabet.Length)];
            }
        });

        return new KeyPair("AKIA" + Draw(Base32, 16), Draw(Base64, 40), "FwoGZXIvYXdzE" + Draw(Base64, 40));
    }

    /// <summary>Reads choices from CsCheck's ints; past the end every choice is 0 (the simplest).</summary>
    private sealed class Choices(int[] raw)
    {
        private int _next;

        public int Next(int options) => options <= 1 ? 0 : _next < raw.Length ? raw[_next++] % options : 0;
    }
}
