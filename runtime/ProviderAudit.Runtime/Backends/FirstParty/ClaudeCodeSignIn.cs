using System.Security.Cryptography;
using System.Text.Json;
using ProviderAudit.Runtime.Settings;

namespace ProviderAudit.Runtime.Backends.FirstParty;

/// <summary>What Claude Code's own sign-in (<c>claude /login</c>) looks like from its credentials file.</summary>
internal enum ClaudeCodeSignInState
{
    /// <summary>No credentials file where Claude Code keeps it (or no config directory to look in).</summary>
    NotFound,

    /// <summary>An access token is present and not expired (or has no recorded expiry).</summary>
    SignedIn,

    /// <summary>The access token expired, but a refresh token is present: Claude Code renews it when it starts.</summary>
    ExpiredRenewable,

    /// <summary>The access token expired and there is no refresh token: Claude Code will ask to sign in again.</summary>
    Expired,

    /// <summary>A file is there but is not a sign-in Claude Code wrote (unreadable, not JSON, no access token).</summary>
    Unusable,
}

/// <summary>
/// Claude Code's own sign-in as its credentials file shows it: <c>.credentials.json</c> in Claude Code's config
/// directory, <c>$CLAUDE_CONFIG_DIR</c> when set, otherwise <c>$HOME/.claude</c>, both taken from the environment
/// given to the runtime (this machine's home is never read behind its back). Only the file's shape is read: whether
/// <c>claudeAiOauth.accessToken</c> is present, <c>claudeAiOauth.expiresAt</c> (milliseconds since the Unix epoch)
/// and whether <c>claudeAiOauth.refreshToken</c> is present. No token is turned into a string, kept or shown.
/// </summary>
/// <remarks>
/// On macOS Claude Code keeps the sign-in in the Keychain rather than in this file; the Keychain is not read, so
/// there a sign-in shows as <see cref="ClaudeCodeSignInState.NotFound"/> (see docs/runtime.md).
/// </remarks>
internal sealed class ClaudeCodeSignIn
{
    /// <summary>The file name Claude Code uses in its config directory.</summary>
    public const string FileName = ".credentials.json";

    // A sign-in file is a few hundred bytes; anything far larger is not one, and is not read into memory.
    private const long MaxFileBytes = 64 * 1024;

    private ClaudeCodeSignIn(ClaudeCodeSignInState state, string? filePath, string? directoryVariable, DateTimeOffset? expiresAt, string? reason)
    {
        State = state;
        FilePath = filePath;
        DirectoryVariable = directoryVariable;
        ExpiresAt = expiresAt;
        Reason = reason;
    }

    /// <summary>What the file shows.</summary>
    public ClaudeCodeSignInState State { get; }

    /// <summary>The credentials file looked at, or null when the environment names no config directory.</summary>
    public string? FilePath { get; }

    /// <summary><c>CLAUDE_CONFIG_DIR</c> or <c>HOME</c>: the variable the config directory came from.</summary>
    public string? DirectoryVariable { get; }

    /// <summary>When the access token expires, if the file records it.</summary>
    public DateTimeOffset? ExpiresAt { get; }

    /// <summary>For <see cref="ClaudeCodeSignInState.Unusable"/>: what is wrong with the file, without any of its content.</summary>
    public string? Reason { get; }

    /// <summary>True when a launched Claude Code can use this sign-in without asking the user to sign in again.</summary>
    public bool Usable => State is ClaudeCodeSignInState.SignedIn or ClaudeCodeSignInState.ExpiredRenewable;

    /// <summary>Looks for Claude Code's credentials file in the config directory <paramref name="environment"/> names.</summary>
    /// <param name="environment">The effective environment (<c>CLAUDE_CONFIG_DIR</c>, <c>HOME</c>).</param>
    /// <param name="fileExists">The status file probe; a test stub that says "no" keeps the machine's files out.</param>
    /// <param name="clock">The clock the expiry is compared with.</param>
    public static ClaudeCodeSignIn Find(IReadOnlyDictionary<string, string> environment, Func<string, bool> fileExists, TimeProvider clock)
    {
        var (directory, variable) = ConfigDirectory(environment);
        if (directory is null)
        {
            return new(ClaudeCodeSignInState.NotFound, null, null, null, null);
        }

        if (directory.Any(char.IsControl))
        {
            return new(ClaudeCodeSignInState.Unusable, null, variable, null, $"{variable} contains control characters, so it names no usable directory");
        }

        string path;
        try
        {
            // CLAUDE_CONFIG_DIR is the config directory itself; a home directory holds it as .claude.
            var folder = variable == EnvironmentVariableNames.ClaudeConfigDir ? directory : Path.Combine(directory, ".claude");
            path = Path.Combine(folder, FileName);
        }
        catch (ArgumentException)
        {
            return new(ClaudeCodeSignInState.Unusable, null, variable, null, $"{variable} is not a usable directory path");
        }

        if (!SafeExists(fileExists, path))
        {
            return new(ClaudeCodeSignInState.NotFound, path, variable, null, null);
        }

        // Only a regular file within the cap, within the deadline (a FIFO here would block forever).
        var kind = BoundedFile.KindOf(path, out var size);
        if (kind is not (FileKind.Regular or FileKind.Missing))
        {
            return new(ClaudeCodeSignInState.Unusable, path, variable, null, $"it is not a regular file (a {kind}), so it is not read");
        }

        if (size > MaxFileBytes)
        {
            return new(ClaudeCodeSignInState.Unusable, path, variable, null, $"it is larger than {MaxFileBytes / 1024} KB, which no sign-in is");
        }

        var read = BoundedFile.Read(path, "Claude Code's credentials file", variable ?? "HOME", MaxFileBytes);
        if (read.Problem is not null || read.Content is not { } content)
        {
            return read.Missing ? new(ClaudeCodeSignInState.NotFound, path, variable, null, null) : new(ClaudeCodeSignInState.Unusable, path, variable, null, "it cannot be read");
        }

        try
        {
            return Inspect(content, path, variable, clock.GetUtcNow());
        }
        finally
        {
            // The buffer held the tokens; do not leave them lying in memory longer than the inspection.
            CryptographicOperations.ZeroMemory(content);
        }
    }

    private static ClaudeCodeSignIn Inspect(byte[] content, string path, string? variable, DateTimeOffset now)
    {
        ClaudeCodeSignIn Unusable(string reason) => new(ClaudeCodeSignInState.Unusable, path, variable, null, reason);

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(content, new JsonDocumentOptions { MaxDepth = 16 });
        }
        catch (JsonException)
        {
            return Unusable("it is not valid JSON");
        }

        using (document)
        {
            if (document.RootElement.ValueKind is not JsonValueKind.Object
                || !document.RootElement.TryGetProperty("claudeAiOauth", out var oauth)
                || oauth.ValueKind is not JsonValueKind.Object)
            {
                return Unusable("it has no claudeAiOauth sign-in");
            }

            if (!IsPresent(oauth, "accessToken"))
            {
                return Unusable("its claudeAiOauth sign-in has no access token");
            }

            var expiresAt = ExpiryOf(oauth);
            if (expiresAt is null || expiresAt > now)
            {
                return new(ClaudeCodeSignInState.SignedIn, path, variable, expiresAt, null);
            }

            var state = IsPresent(oauth, "refreshToken") ? ClaudeCodeSignInState.ExpiredRenewable : ClaudeCodeSignInState.Expired;
            return new(state, path, variable, expiresAt, null);
        }
    }

    // Present means a non-empty string; the comparison runs on the raw UTF-8, so the token never becomes a string.
    private static bool IsPresent(JsonElement oauth, string property) =>
        oauth.TryGetProperty(property, out var value) && value.ValueKind is JsonValueKind.String && !value.ValueEquals(ReadOnlySpan<byte>.Empty);

    private static DateTimeOffset? ExpiryOf(JsonElement oauth)
    {
        if (!oauth.TryGetProperty("expiresAt", out var value) || value.ValueKind is not JsonValueKind.Number || !value.TryGetInt64(out var milliseconds))
        {
            return null;
        }

        // Outside DateTimeOffset's range the value is not a time Claude Code wrote; treat it as unrecorded.
        return milliseconds is >= -62_135_596_800_000 and <= 253_402_300_799_999 ? DateTimeOffset.FromUnixTimeMilliseconds(milliseconds) : null;
    }

    private static (string? Directory, string? Variable) ConfigDirectory(IReadOnlyDictionary<string, string> environment)
    {
        if (environment.Raw(EnvironmentVariableNames.ClaudeConfigDir) is { } configDir)
        {
            return (configDir, EnvironmentVariableNames.ClaudeConfigDir);
        }

        if (environment.Raw("HOME") is { } home)
        {
            return (home, "HOME");
        }

        return environment.Raw("USERPROFILE") is { } profile ? (profile, "USERPROFILE") : (null, null);
    }

    private static bool SafeExists(Func<string, bool> fileExists, string path)
    {
        try
        {
            return fileExists(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            return false;
        }
    }
}
