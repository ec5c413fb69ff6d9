using System.Globalization;
using System.Text;

namespace ProviderAudit.Runtime.AwsCredentials;

/// <summary>
/// One <c>awsAuthRefresh</c> per machine: a lock file beside the AWS config file
/// (<c>~/.aws/.provider-audit-auth-refresh.lock</c>), held while the command runs, and stamped with the time of the
/// last successful run. A process that needs a refresh waits for the lock (bounded), and when a run finished after it
/// saw its credentials fail, it re-reads them instead of running the command again — eight processes started together
/// with an expired SSO token show one sign-in prompt, not eight.
/// </summary>
/// <remarks>
/// The lock is an exclusive open (<see cref="FileShare.None"/>, an advisory <c>flock</c> on Unix), so it is released
/// when its holder exits, however it exits; nothing is left to clean up.
/// </remarks>
internal sealed class AwsAuthRefreshLock : IDisposable
{
    /// <summary>The lock file's name in the AWS config directory.</summary>
    public const string FileName = ".provider-audit-auth-refresh.lock";

    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(100);

    private readonly FileStream _stream;

    private AwsAuthRefreshLock(FileStream stream, string path)
    {
        _stream = stream;
        Path = path;
    }

    /// <summary>The lock file.</summary>
    public string Path { get; }

    /// <summary>When a refresh last succeeded on this machine, or null when none is recorded.</summary>
    public DateTimeOffset? LastRefresh
    {
        get
        {
            _stream.Position = 0;
            var buffer = new byte[64];
            var count = _stream.Read(buffer, 0, buffer.Length);
            return long.TryParse(Encoding.ASCII.GetString(buffer, 0, count).Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var ms)
                ? DateTimeOffset.FromUnixTimeMilliseconds(ms)
                : null;
        }
    }

    /// <summary>The lock file beside the AWS config file <paramref name="environment"/> names, or null when it names none.</summary>
    public static string? PathFor(IReadOnlyDictionary<string, string> environment)
    {
        try
        {
            return AwsFiles.LocateConfig(environment) is { } config ? System.IO.Path.Join(System.IO.Path.GetDirectoryName(config), FileName) : null;
        }
        catch (AwsCredentialException)
        {
            return null;
        }
    }

    /// <summary>Takes the lock, waiting at most <paramref name="wait"/>; null when another process still holds it then.</summary>
    /// <exception cref="IOException">The lock file cannot be created (no such directory and none can be made, no permission).</exception>
    public static async Task<AwsAuthRefreshLock?> AcquireAsync(string path, TimeSpan wait, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(path)!);
        var until = DateTime.UtcNow + wait;
        while (true)
        {
            try
            {
                return new AwsAuthRefreshLock(new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None), path);
            }
            catch (IOException) when (DateTime.UtcNow < until && File.Exists(path))
            {
                // Held by another process (or another coordinator here): wait for it.
                await Task.Delay(Poll, cancellationToken).ConfigureAwait(false);
            }
            catch (IOException) when (File.Exists(path))
            {
                return null;
            }
        }
    }

    /// <summary>Records a successful refresh now.</summary>
    public void Stamp(DateTimeOffset now)
    {
        _stream.SetLength(0);
        var bytes = Encoding.ASCII.GetBytes(now.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture) + "\n");
        _stream.Write(bytes, 0, bytes.Length);
        _stream.Flush(flushToDisk: true);
    }

    /// <inheritdoc />
    public void Dispose() => _stream.Dispose();
}
