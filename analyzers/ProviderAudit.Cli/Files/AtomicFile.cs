namespace ProviderAudit.Cli.Files;

/// <summary>
/// Replaces a file's content so that a reader (or a crash, or Ctrl-C) sees the old bytes or the new ones, never a
/// mix or an empty file: the new bytes go to a temp file in the same folder (same file system, so the rename is
/// atomic), which takes the original's permissions and attributes, and is then renamed over the original.
/// </summary>
internal static class AtomicFile
{
    /// <summary>Writes <paramref name="bytes"/> to a new temp file beside <paramref name="target"/> and returns its path.</summary>
    public static string WriteTemp(string target, ReadOnlySpan<byte> bytes)
    {
        var directory = Path.GetDirectoryName(target)!;
        var temp = Path.Combine(directory, $".{Path.GetFileName(target)}.{Guid.NewGuid():N}.provider-audit.tmp");
        try
        {
            using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            {
                stream.Write(bytes);
                stream.Flush(flushToDisk: true);
            }

            if (File.Exists(target))
            {
                CopyPermissions(target, temp);
            }

            return temp;
        }
        catch
        {
            TryDelete(temp);
            throw;
        }
    }

    /// <summary>Renames <paramref name="temp"/> over <paramref name="target"/> (one atomic step).</summary>
    public static void Commit(string temp, string target) => File.Move(temp, target, overwrite: true);

    /// <summary>Both steps: the file is replaced whole or left as it was.</summary>
    public static void Write(string target, ReadOnlySpan<byte> bytes)
    {
        var temp = WriteTemp(target, bytes);
        try
        {
            Commit(temp, target);
        }
        catch
        {
            TryDelete(temp);
            throw;
        }
    }

    public static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Best effort: a temp file left behind is named *.provider-audit.tmp and harmless.
        }
    }

    /// <summary>
    /// The path a write must replace: a symbolic link's final target (renaming over the link would turn it into a
    /// regular file and leave the target unchanged).
    /// </summary>
    public static string ResolveTarget(string path)
    {
        var info = new FileInfo(path);
        return info.Exists && info.LinkTarget is not null && info.ResolveLinkTarget(returnFinalTarget: true) is { } final
            ? final.FullName
            : path;
    }

    private static void CopyPermissions(string from, string to)
    {
        if (OperatingSystem.IsWindows())
        {
            File.SetAttributes(to, File.GetAttributes(from));
        }
        else
        {
            File.SetUnixFileMode(to, File.GetUnixFileMode(from));
        }
    }
}
