using System.Text;
using ProviderAudit.Runtime.Secrets;

namespace ProviderAudit.Runtime.AwsCredentials;

/// <summary>A <c>[section]</c> line of an AWS config or credentials file.</summary>
/// <param name="Line">1-based line number.</param>
/// <param name="Header">What stands between the brackets, as written.</param>
internal sealed record AwsIniSection(int Line, string Header)
{
    public List<AwsIniProperty> Properties { get; } = [];
}

/// <summary>A <c>key = value</c> line.</summary>
/// <param name="Line">1-based line number.</param>
/// <param name="Key">The key as written (trimmed).</param>
/// <param name="Value">The value (trimmed), inline comments and quotes included, as AWSSDK and the AWS CLI keep them.</param>
/// <param name="Indented">True when the line starts with whitespace (a sub-setting or a continuation, depending on the tool).</param>
internal sealed record AwsIniProperty(int Line, string Key, string Value, bool Indented)
{
    /// <summary>The key as every tool matches it: AWSSDK and the AWS CLI ignore case, the JS SDK does not.</summary>
    public string NormalizedKey => Key.ToLowerInvariant();
}

/// <summary>
/// One AWS config or credentials file, split into lines the way all three readers that matter agree on — the AWS CLI
/// (Python's configparser), AWSSDK.Core (<c>IniFile</c>) and the JS SDK a launched Claude Code uses
/// (<c>@smithy/shared-ini-file-loader</c>) — keeping everything they disagree on (line numbers, case, inline comments,
/// quotes, indentation, repeated sections and keys) so <see cref="AwsProfileStore"/> can name it.
/// </summary>
internal sealed class AwsIniFile
{
    private AwsIniFile(string path, string setting, IReadOnlyList<AwsIniSection> sections, IReadOnlyList<int> strayLines, IReadOnlyList<int> orphanLines, string? encodingProblem)
    {
        Path = path;
        Setting = setting;
        Sections = sections;
        StrayLines = strayLines;
        OrphanLines = orphanLines;
        EncodingProblem = encodingProblem;
    }

    /// <summary>The file.</summary>
    public string Path { get; }

    /// <summary>The variable (or default location) that named it, for messages.</summary>
    public string Setting { get; }

    /// <summary>Every section, in file order.</summary>
    public IReadOnlyList<AwsIniSection> Sections { get; }

    /// <summary>Lines that are neither a section, a <c>key = value</c>, a comment nor blank (AWSSDK refuses the whole file for one).</summary>
    public IReadOnlyList<int> StrayLines { get; }

    /// <summary><c>key = value</c> lines before the first section (the AWS CLI refuses the whole file for one).</summary>
    public IReadOnlyList<int> OrphanLines { get; }

    /// <summary>Set when the file is not UTF-8 (a UTF-16 file from Notepad): the JS SDK would read nothing from it.</summary>
    public string? EncodingProblem { get; }

    /// <summary>For messages: the path, quoted and escaped.</summary>
    public string Shown => DisplayText.Quote(Path);

    /// <summary>Splits <paramref name="content"/> into sections and properties.</summary>
    public static AwsIniFile Parse(string path, string setting, byte[] content)
    {
        string? encodingProblem = null;
        var text = "";
        if (content.Length >= 2 && ((content[0] == 0xFF && content[1] == 0xFE) || (content[0] == 0xFE && content[1] == 0xFF)))
        {
            encodingProblem = "is saved as UTF-16, which the AWS CLI and Claude Code's AWS SDK cannot read: save it as UTF-8";
        }
        else
        {
            var start = content.Length >= 3 && content[0] == 0xEF && content[1] == 0xBB && content[2] == 0xBF ? 3 : 0;
            text = Encoding.UTF8.GetString(content, start, content.Length - start);
        }

        var sections = new List<AwsIniSection>();
        var stray = new List<int>();
        var orphans = new List<int>();
        AwsIniSection? current = null;
        var lines = text.Split('\n');
        for (var index = 0; index < lines.Length; index++)
        {
            var number = index + 1;
            var raw = lines[index].TrimEnd('\r');
            var trimmed = raw.Trim();
            if (trimmed.Length == 0 || trimmed[0] is '#' or ';')
            {
                continue;
            }

            if (trimmed[0] == '[' && trimmed[^1] == ']')
            {
                current = new AwsIniSection(number, trimmed[1..^1]);
                sections.Add(current);
                continue;
            }

            var equals = trimmed.IndexOf('=');
            if (equals <= 0)
            {
                stray.Add(number);
                continue;
            }

            var property = new AwsIniProperty(number, trimmed[..equals].Trim(), trimmed[(equals + 1)..].Trim(), raw.Length > 0 && char.IsWhiteSpace(raw[0]));
            if (current is null)
            {
                orphans.Add(number);
            }
            else
            {
                current.Properties.Add(property);
            }
        }

        return new AwsIniFile(path, setting, sections, stray, orphans, encodingProblem);
    }
}
