using System.Text;
using ProviderAudit.Cli.Files;

namespace ProviderAudit.Cli.Fixing;

/// <summary>What a write of fixed files did: each file written whole, or not at all.</summary>
internal sealed record WriteSummary(IReadOnlyList<FixedFile> Written, IReadOnlyList<FixedFile> NotWritten, bool Interrupted);

/// <summary>
/// Writes <c>fix</c>'s files in two phases. First every file is checked (its folder exists, it is not read-only or
/// locked, it has not changed since it was read) and its new bytes go to a temp file beside it; a problem with any
/// file stops here, temps removed and nothing written. Then each temp file is renamed over its original, one
/// atomic step per file; cancellation is honoured only between two renames, so every file is either the old or the
/// new version.
/// </summary>
internal sealed class SourceFileWriter(Func<FixedFile, string> describe)
{
    /// <summary>Test hook: request cancellation once this many files are written (deterministic Ctrl-C).</summary>
    public int? CancelAfterWrites { get; init; }

    public WriteSummary Write(IReadOnlyList<FixedFile> files, CancellationTokenSource cancellation)
    {
        cancellation.Token.ThrowIfCancellationRequested();
        var staged = Stage(files, cancellation.Token);

        var written = new List<FixedFile>();
        for (var i = 0; i < staged.Count; i++)
        {
            if (cancellation.IsCancellationRequested)
            {
                Discard(staged.Skip(i));
                return new WriteSummary(written, staged.Skip(i).Select(s => s.File).ToList(), Interrupted: true);
            }

            var (file, target, temp) = staged[i];
            try
            {
                AtomicFile.Commit(temp, target);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                Discard(staged.Skip(i));
                throw new FileAccessException(
                    $"{describe(file)} could not be replaced ({e.Message}); {Listed("written", written)}; not written: {string.Join(", ", staged.Skip(i).Select(s => s.File.File))}.");
            }

            written.Add(file);
            if (written.Count == CancelAfterWrites)
            {
                cancellation.Cancel();
            }
        }

        return new WriteSummary(written, [], Interrupted: false);
    }

    private List<(FixedFile File, string Target, string Temp)> Stage(IReadOnlyList<FixedFile> files, CancellationToken cancellationToken)
    {
        var problems = new List<string>();
        var staged = new List<(FixedFile, string, string)>();
        try
        {
            foreach (var file in files)
            {
                if (cancellationToken.IsCancellationRequested)
                {
                    break;
                }

                var target = AtomicFile.ResolveTarget(file.FullPath);
                if (Problem(file, target) is { } problem)
                {
                    problems.Add(problem);
                    continue;
                }

                try
                {
                    staged.Add((file, target, AtomicFile.WriteTemp(target, Bytes(file, target))));
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    problems.Add($"{describe(file)}: its folder cannot be written ({e.Message})");
                }
            }
        }
        catch
        {
            Discard(staged);
            throw;
        }

        if (problems.Count > 0 || cancellationToken.IsCancellationRequested)
        {
            Discard(staged);
            cancellationToken.ThrowIfCancellationRequested();
            throw new FileAccessException(
                "nothing was written: " + (problems.Count == 1 ? problems[0] : string.Concat(problems.Select(p => Environment.NewLine + "  " + p))));
        }

        return staged;
    }

    /// <summary>Why <paramref name="file"/> cannot be replaced, or null.</summary>
    private string? Problem(FixedFile file, string target)
    {
        var directory = Path.GetDirectoryName(target)!;
        if (!Directory.Exists(directory))
        {
            return $"{describe(file)}: its folder '{directory}' no longer exists";
        }

        if (!File.Exists(target))
        {
            return file.Before.Length == 0 ? null : $"{describe(file)}: the file no longer exists";
        }

        try
        {
            if (File.GetAttributes(target).HasFlag(FileAttributes.ReadOnly))
            {
                return $"{describe(file)}: the file is read-only; make it writable (chmod u+w, or clear the read-only attribute) and run fix again";
            }

            byte[] current;
            using (var stream = new FileStream(target, FileMode.Open, FileAccess.ReadWrite, FileShare.None))
            {
                current = new byte[stream.Length];
                stream.ReadExactly(current);
            }

            if (!string.Equals(Decode(current, EncodingOf(file, current)), file.Before.ToString(), StringComparison.Ordinal))
            {
                return $"{describe(file)}: the file changed after it was read; run fix again";
            }
        }
        catch (UnauthorizedAccessException e)
        {
            return $"{describe(file)}: no permission to write it ({e.Message})";
        }
        catch (IOException e)
        {
            return $"{describe(file)}: the file is locked or cannot be opened for writing ({e.Message})";
        }

        return null;
    }

    /// <summary>The text of <paramref name="bytes"/> as the workspace read it (its preamble dropped).</summary>
    private static string Decode(byte[] bytes, Encoding encoding)
    {
        var preamble = encoding.GetPreamble();
        var skip = bytes.AsSpan().StartsWith(preamble) ? preamble.Length : 0;
        return encoding.GetString(bytes, skip, bytes.Length - skip);
    }

    private static byte[] Bytes(FixedFile file, string target)
    {
        var onDisk = File.Exists(target) ? File.ReadAllBytes(target) : [];
        return Encode(file.After.ToString(), EncodingOf(file, onDisk));
    }

    /// <summary>
    /// The file's own encoding; for UTF-8, with a BOM exactly when the file on disk starts with one (a new file:
    /// as the fix created it).
    /// </summary>
    private static Encoding EncodingOf(FixedFile file, byte[] onDisk)
    {
        var encoding = file.Before.Encoding ?? file.After.Encoding;
        if (encoding is null || encoding.CodePage == Encoding.UTF8.CodePage)
        {
            var bom = onDisk.Length > 0 ? onDisk.AsSpan().StartsWith(Encoding.UTF8.Preamble) : encoding?.GetPreamble().Length > 0;
            return new UTF8Encoding(encoderShouldEmitUTF8Identifier: bom);
        }

        return encoding;
    }

    private static byte[] Encode(string text, Encoding encoding) => [.. encoding.GetPreamble(), .. encoding.GetBytes(text)];

    private static void Discard(IEnumerable<(FixedFile File, string Target, string Temp)> staged)
    {
        foreach (var (_, _, temp) in staged)
        {
            AtomicFile.TryDelete(temp);
        }
    }

    private static string Listed(string verb, IReadOnlyList<FixedFile> files) =>
        files.Count == 0 ? $"nothing {verb}" : $"{verb}: {string.Join(", ", files.Select(f => f.File))}";
}
