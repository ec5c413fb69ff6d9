namespace ProviderAudit.Runtime.Tests;

/// <summary>
/// A home directory under the system temp folder with Claude Code's config directory in it (<c>.claude</c>), where a
/// test writes the credentials file <c>claude /login</c> leaves behind; deleted on dispose.
/// </summary>
internal sealed class ClaudeCodeHome : IDisposable
{
    public const string AccessToken = "sk-ant-oat01-TestAccessTokenDoNotShow-Zq81Xw4Rt7Yu2Io5";
    public const string RefreshToken = "sk-ant-ort01-TestRefreshTokenDoNotShow-Pa9Sd3Fg6Hj0Kl1";

    /// <summary>The moment tests call "now" (given to status as its clock).</summary>
    public static readonly DateTimeOffset Now = new(2026, 12, 1, 12, 0, 0, TimeSpan.Zero);

    private readonly TemporaryDirectory _home = new("home");

    public ClaudeCodeHome()
    {
        Directory.CreateDirectory(ConfigDirectory);
    }

    public string Path => _home.Path;

    public string ConfigDirectory => System.IO.Path.Combine(Path, ".claude");

    public string CredentialsFile => System.IO.Path.Combine(ConfigDirectory, ".credentials.json");

    /// <summary>A sign-in whose access token expires at <paramref name="expiresAt"/>, with a refresh token or not.</summary>
    public ClaudeCodeHome SignedIn(DateTimeOffset expiresAt, bool refreshToken = true, string? directory = null) =>
        Write(
            $"{{\"claudeAiOauth\":{{\"accessToken\":\"{AccessToken}\",{(refreshToken ? $"\"refreshToken\":\"{RefreshToken}\"," : "")}" +
            $"\"expiresAt\":{expiresAt.ToUnixTimeMilliseconds()},\"scopes\":[\"user:inference\",\"user:profile\"],\"subscriptionType\":\"max\"}}}}",
            directory);

    public ClaudeCodeHome Write(string content, string? directory = null)
    {
        var folder = directory ?? ConfigDirectory;
        Directory.CreateDirectory(folder);
        File.WriteAllText(System.IO.Path.Combine(folder, ".credentials.json"), content);
        return this;
    }

    /// <summary>Status with the real file system (the files are this test's own) and the test clock.</summary>
    public static RuntimeStatusOptions StatusOptions { get; } = new()
    {
        FileExists = File.Exists,
        Clock = new FixedClock(Now),
        RequestTransportCheck = new TestEnv.AlwaysAvailable(),
    };

    public void Dispose() => _home.Dispose();

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
