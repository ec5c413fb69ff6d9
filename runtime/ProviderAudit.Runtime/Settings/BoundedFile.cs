using System.Runtime.InteropServices;
using ProviderAudit.Runtime.Secrets;

namespace ProviderAudit.Runtime.Settings;

/// <summary>What a path names, as <c>stat</c> sees it (links followed).</summary>
internal enum FileKind
{
    Missing,
    Regular,
    Directory,
    Fifo,
    Socket,
    CharacterDevice,
    BlockDevice,
    Other,
}

/// <summary>What reading a file gave: its bytes, or that it is absent, or why it was not read.</summary>
/// <param name="Content">The bytes, when read.</param>
/// <param name="Problem">Why it was not read (a sentence naming the setting and the fix), or null.</param>
internal readonly record struct BoundedRead(byte[]? Content, string? Problem)
{
    public bool Missing => Content is null && Problem is null;
}

/// <summary>
/// The one way the runtime reads a file a user's environment names (AWS config and credentials, token files, settings,
/// Claude Code's sign-in): only a regular file, only up to a size cap, within a deadline. A device (<c>/dev/zero</c>), a
/// FIFO (which would block an <c>open</c> forever), a socket, a directory or a file over the cap is a named problem,
/// found by <c>stat</c> before anything is opened.
/// </summary>
/// <remarks>
/// .NET has no public API for a file's type on Unix (<see cref="FileSystemInfo.Attributes"/> says <c>Normal</c> for a
/// FIFO and for <c>/dev/zero</c>), so this asks <c>SystemNative_Stat</c>, the shim in <c>libSystem.Native</c> that .NET's
/// own <see cref="File"/> APIs call, whose result begins with <c>Flags, Mode, Uid, Gid</c> (32-bit) and <c>Size</c>
/// (64-bit). <c>/dev/null</c> reads as an empty file (<c>AWS_CONFIG_FILE=/dev/null</c> is how people say "no config").
/// </remarks>
internal static partial class BoundedFile
{
    /// <summary>The most an AWS config or shared credentials file may hold (a large organisation's has a few hundred profiles: tens of KB).</summary>
    public const long AwsFileCap = 1024 * 1024;

    /// <summary>The most a token file may hold (web identity and container tokens, SSO token caches: a few KB).</summary>
    public const long TokenFileCap = 64 * 1024;

    /// <summary>The most a settings file may hold.</summary>
    public const long SettingsFileCap = 1024 * 1024;

    /// <summary>How long a read may take (a stalled network file system): past it, the file is reported, not waited for.</summary>
    public static readonly TimeSpan Deadline = TimeSpan.FromSeconds(2);

    private const int PalFileTypeMask = 0xF000;
    private const int StatBufferBytes = 256;

    /// <summary>What <paramref name="path"/> names, and its size.</summary>
    public static FileKind KindOf(string path, out long size)
    {
        size = 0;
        if (OperatingSystem.IsWindows())
        {
            if (Directory.Exists(path))
            {
                return FileKind.Directory;
            }

            var info = new FileInfo(path);
            if (!info.Exists)
            {
                return FileKind.Missing;
            }

            size = info.Length;
            return FileKind.Regular;
        }

        var buffer = new byte[StatBufferBytes];
        if (Stat(path, buffer) != 0)
        {
            return FileKind.Missing;
        }

        size = BitConverter.ToInt64(buffer, 16);
        return (BitConverter.ToInt32(buffer, 4) & PalFileTypeMask) switch
        {
            0x8000 => FileKind.Regular,
            0x4000 => FileKind.Directory,
            0x1000 => FileKind.Fifo,
            0xC000 => FileKind.Socket,
            0x2000 => FileKind.CharacterDevice,
            0x6000 => FileKind.BlockDevice,
            _ => FileKind.Other,
        };
    }

    /// <summary>
    /// Reads <paramref name="path"/> when it is a regular file of at most <paramref name="cap"/> bytes.
    /// </summary>
    /// <param name="path">The file.</param>
    /// <param name="what">What it is, for messages ("the AWS config file").</param>
    /// <param name="setting">The variable or setting that named it, for messages.</param>
    /// <param name="cap">The size cap.</param>
    public static BoundedRead Read(string path, string what, string setting, long cap)
    {
        if (path == "/dev/null")
        {
            return new BoundedRead([], null);
        }

        var shown = DisplayText.Quote(path);
        try
        {
            var read = Task.Run(() => ReadNow(path, what, setting, cap, shown));
            if (!read.Wait(Deadline))
            {
                return new BoundedRead(null, $"{what} {shown} ({setting}) could not be read within {Deadline.TotalSeconds:0} s (a stalled network file system?); it was not waited for.");
            }

            return read.Result;
        }
        catch (AggregateException e) when (e.InnerException is { } inner)
        {
            return new BoundedRead(null, $"{what} {shown} ({setting}) cannot be read: {inner.Message}");
        }
    }

    /// <summary>The problem with <paramref name="path"/> as a file to read later (by an SDK), or null when it is a regular file within the cap or absent.</summary>
    public static string? Check(string path, string what, string setting, long cap)
    {
        if (path == "/dev/null")
        {
            return null;
        }

        var kind = KindOf(path, out var size);
        return kind is FileKind.Missing ? null : Refusal(kind, size, DisplayText.Quote(path), what, setting, cap);
    }

    private static BoundedRead ReadNow(string path, string what, string setting, long cap, string shown)
    {
        var kind = KindOf(path, out var size);
        if (kind is FileKind.Missing)
        {
            return new BoundedRead(null, null);
        }

        if (Refusal(kind, size, shown, what, setting, cap) is { } refusal)
        {
            return new BoundedRead(null, refusal);
        }

        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, 4096, FileOptions.SequentialScan);
            var content = new byte[Math.Min(size, cap) + 1];
            var total = 0;
            int count;
            while (total < content.Length && (count = stream.Read(content, total, content.Length - total)) > 0)
            {
                total += count;
            }

            // It grew past the cap between stat and read.
            return total > cap
                ? new BoundedRead(null, TooLarge(shown, what, setting, cap))
                : new BoundedRead(content[..total], null);
        }
        catch (FileNotFoundException)
        {
            return new BoundedRead(null, null);
        }
        catch (DirectoryNotFoundException)
        {
            return new BoundedRead(null, null);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return new BoundedRead(null, $"{what} {shown} ({setting}) cannot be read ({(e is UnauthorizedAccessException ? "permission denied" : e.GetType().Name)}): "
                + "check its permissions, or point the setting at a readable file.");
        }
    }

    private static string? Refusal(FileKind kind, long size, string shown, string what, string setting, long cap) => kind switch
    {
        FileKind.Regular when size > cap => TooLarge(shown, what, setting, cap),
        FileKind.Regular => null,
        _ => $"{what} {shown} ({setting}) is {Describe(kind)}, not a regular file, so it is not read: point {setting} at the file itself.",
    };

    private static string TooLarge(string shown, string what, string setting, long cap) =>
        $"{what} {shown} ({setting}) is larger than {cap / 1024} KB, more than any such file holds, so it is not read: point {setting} at the right file.";

    private static string Describe(FileKind kind) => kind switch
    {
        FileKind.Directory => "a directory",
        FileKind.Fifo => "a FIFO (named pipe), which would block a read until something writes to it",
        FileKind.Socket => "a socket",
        FileKind.CharacterDevice => "a character device (such as /dev/zero, which never ends)",
        FileKind.BlockDevice => "a block device",
        _ => "not a file",
    };

    // int32_t SystemNative_Stat(const char* path, FileStatus* output): the stat .NET's own File APIs use.
    [DllImport("libSystem.Native", EntryPoint = "SystemNative_Stat", SetLastError = true)]
    private static extern int Stat([MarshalAs(UnmanagedType.LPUTF8Str)] string path, byte[] output);
}
