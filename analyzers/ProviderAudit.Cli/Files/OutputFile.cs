using System.Text;

namespace ProviderAudit.Cli.Files;

/// <summary>
/// A file the tool writes a report or a baseline to (<c>--output</c>, <c>--report FORMAT:FILE</c>). It is checked
/// before the analysis starts, so a path that cannot be written fails in a second rather than after the whole run;
/// it is written atomically, so a reader never sees half a report.
/// </summary>
internal sealed class OutputFile
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    private OutputFile(string option, string path, string fullPath)
    {
        Option = option;
        Path = path;
        FullPath = fullPath;
    }

    /// <summary>The option that named it, for messages (e.g. <c>--output</c>).</summary>
    public string Option { get; }

    /// <summary>As the user wrote it.</summary>
    public string Path { get; }

    public string FullPath { get; }

    /// <summary>
    /// Checks that <paramref name="path"/> can be written now: its folder exists or can be created, and the file, if it
    /// exists, is not read-only, a folder, or locked. Throws a <see cref="UsageException"/> naming the option and why.
    /// </summary>
    public static OutputFile Check(string option, string path)
    {
        string full;
        try
        {
            full = System.IO.Path.GetFullPath(path);
        }
        catch (Exception e) when (e is ArgumentException or NotSupportedException or PathTooLongException)
        {
            throw Unwritable(option, path, e.Message);
        }

        if (Directory.Exists(full))
        {
            throw Unwritable(option, path, "it is a folder; name a file");
        }

        var directory = System.IO.Path.GetDirectoryName(full)!;
        try
        {
            Directory.CreateDirectory(directory);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw Unwritable(option, path, $"its folder '{directory}' cannot be created ({e.Message})");
        }

        try
        {
            if (File.Exists(full))
            {
                if (File.GetAttributes(full).HasFlag(FileAttributes.ReadOnly))
                {
                    throw Unwritable(option, path, "the file is read-only; make it writable (chmod u+w) or choose another file");
                }

                // Opened for writing without truncating it: proves permission and that nobody holds it locked.
                using var probe = new FileStream(full, FileMode.Open, FileAccess.Write, FileShare.None);
            }
            else
            {
                AtomicFile.TryDelete(AtomicFile.WriteTemp(full, []));
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw Unwritable(option, path, e.Message);
        }

        return new OutputFile(option, path, full);
    }

    /// <summary>Writes <paramref name="text"/> as UTF-8 without BOM, replacing the file whole.</summary>
    public void Write(string text)
    {
        try
        {
            AtomicFile.Write(AtomicFile.ResolveTarget(FullPath), Utf8.GetBytes(text));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw Unwritable(Option, Path, e.Message);
        }
    }

    private static UsageException Unwritable(string option, string path, string why) =>
        new($"{option} '{path}' cannot be written: {why}");
}
