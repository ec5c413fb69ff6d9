using System.Text;

namespace ProviderAudit.Runtime.Tests.Properties.AwsFiles;

/// <summary>An AWS key pair a case writes into its files (and sometimes its environment).</summary>
internal sealed record KeyPair(string AccessKeyId, string SecretAccessKey, string SessionToken);

/// <summary>What a case puts where an AWS file is expected.</summary>
internal enum AwsFileKind
{
    Absent,
    Text,
    Utf16,
    Fifo,
    DevZero,
    DevNull,
    Directory,
    Oversize,
}

/// <summary>One AWS file of a case: its kind, its text, and how the text is encoded.</summary>
internal sealed record AwsFileSpec(AwsFileKind Kind, string Text, bool Bom, bool Crlf)
{
    public static AwsFileSpec Absent { get; } = new(AwsFileKind.Absent, "", false, false);

    /// <summary>The bytes written for <see cref="AwsFileKind.Text"/>, <see cref="AwsFileKind.Utf16"/> and <see cref="AwsFileKind.Oversize"/>.</summary>
    public byte[] Bytes()
    {
        var text = Crlf ? Text.Replace("\n", "\r\n", StringComparison.Ordinal) : Text;
        if (Kind == AwsFileKind.Oversize)
        {
            text += "# " + new string('x', (int)BoundedFile.AwsFileCap) + "\n";
        }

        if (Kind == AwsFileKind.Utf16)
        {
            return [0xFF, 0xFE, .. Encoding.Unicode.GetBytes(text)];
        }

        var bytes = Encoding.UTF8.GetBytes(text);
        return Bom ? [0xEF, 0xBB, 0xBF, .. bytes] : bytes;
    }
}

/// <summary>
/// One generated setup: an environment (paths under <see cref="Home"/>, which stands for the case's own directory) and
/// the two AWS files, built from the key pairs listed (which are every secret the case holds). Every credential_process
/// points at a script of the suite that prints one of the pairs.
/// </summary>
internal sealed record AwsFilesCase(
    IReadOnlyDictionary<string, string> Environment,
    AwsFileSpec Config,
    string ConfigPath,
    AwsFileSpec Credentials,
    string CredentialsPath,
    IReadOnlyList<KeyPair> Pairs)
{
    /// <summary>Stands for the case's directory (its HOME) in values and paths.</summary>
    public const string Home = "{HOME}";

    /// <summary>The secrets no output may show: every secret key and session token of the case.</summary>
    public IEnumerable<string> Secrets => Pairs.SelectMany(p => new[] { p.SecretAccessKey, p.SessionToken });

    public override string ToString()
    {
        var builder = new StringBuilder("environment:\n");
        foreach (var (name, value) in Environment.OrderBy(kv => kv.Key, StringComparer.Ordinal))
        {
            builder.AppendLine($"  {name}={PropertyCase.Literal(value)}");
        }

        foreach (var (label, path, file) in new[] { ("config", ConfigPath, Config), ("credentials", CredentialsPath, Credentials) })
        {
            builder.AppendLine($"{label} at {path}: {file.Kind}{(file.Bom ? ", BOM" : "")}{(file.Crlf ? ", CRLF" : "")}");
            if (file.Kind is AwsFileKind.Text or AwsFileKind.Utf16 or AwsFileKind.Oversize)
            {
                foreach (var line in file.Text.Split('\n'))
                {
                    builder.AppendLine($"  | {PropertyCase.Literal(line)[1..^1]}");
                }
            }
        }

        builder.AppendLine("pairs:");
        for (var i = 0; i < Pairs.Count; i++)
        {
            builder.AppendLine($"  K{i}: {Pairs[i].AccessKeyId} / {Pairs[i].SecretAccessKey} / {Pairs[i].SessionToken}");
        }

        return builder.ToString();
    }
}
