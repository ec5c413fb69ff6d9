namespace ProviderAudit.Runtime.Settings;

/// <summary>A settings file that cannot be used: missing, unreadable, malformed JSON, or a setting of the wrong type.</summary>
public sealed class HostSettingsException : Exception
{
    /// <summary>Creates the error; <paramref name="message"/> already names the file and the fix.</summary>
    public HostSettingsException(string path, string message, long? line = null, long? position = null, Exception? inner = null)
        : base(message, inner)
    {
        Path = path;
        Line = line;
        Position = position;
    }

    /// <summary>The settings file.</summary>
    public string Path { get; }

    /// <summary>1-based line of a JSON syntax error.</summary>
    public long? Line { get; }

    /// <summary>1-based byte position in that line.</summary>
    public long? Position { get; }
}
