using System.Text;

namespace ProviderAudit.Cli.Files;

/// <summary>Facts about a file's bytes that its decoded text no longer shows.</summary>
internal static class FileBytes
{
    /// <summary>True when the file starts with the UTF-8 byte order mark (EF BB BF).</summary>
    public static bool StartsWithUtf8Bom(string path)
    {
        try
        {
            using var stream = File.OpenRead(path);
            Span<byte> start = stackalloc byte[3];
            return stream.ReadAtLeast(start, 3, throwOnEndOfStream: false) == 3 && start.SequenceEqual(Encoding.UTF8.Preamble);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }
}
