namespace ProviderAudit.TestSupport;

/// <summary>A fresh folder under the system temp folder, deleted on dispose; tests never write into the repository.</summary>
public sealed class TemporaryDirectory : IDisposable
{
    /// <param name="purpose">A word in the folder's name saying which test made it, for whoever finds a leftover.</param>
    public TemporaryDirectory(string purpose)
    {
        // Short on purpose: tests bind Unix domain sockets inside it, whose paths are limited to ~104 characters.
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"pa-{purpose}-{Guid.NewGuid().ToString("N")[..12]}");
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    public string Combine(params string[] parts) => System.IO.Path.Combine([Path, .. parts]);

    /// <summary>Writes <paramref name="content"/> to <paramref name="relative"/> (folders created) and returns its full path.</summary>
    public string File(string relative, string content)
    {
        var full = System.IO.Path.Combine(Path, relative);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(full)!);
        System.IO.File.WriteAllText(full, content);
        return full;
    }

    /// <summary>Like <see cref="File"/>, and executable by its owner on Unix (a script a test runs as a program).</summary>
    public string Executable(string relative, string script)
    {
        var full = File(relative, script);
        if (!OperatingSystem.IsWindows())
        {
            System.IO.File.SetUnixFileMode(full, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        return full;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // A build server or child process may still hold a file for a moment; a leftover temp folder is harmless.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
