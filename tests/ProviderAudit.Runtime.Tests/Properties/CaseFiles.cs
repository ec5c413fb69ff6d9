namespace ProviderAudit.Runtime.Tests.Properties;

/// <summary>
/// The suite's temporary directory: homes and Claude Code config directories in every sign-in state, AWS file sets
/// (the common region-only config, static keys, a file that is not INI), plus files whose contents are secrets the
/// runtime must never print. Generated environments point only here.
/// </summary>
public sealed class CaseFiles : IDisposable
{
    /// <summary>The states a home (<c>home/NAME</c>) or config directory (<c>config/NAME</c>) is in.</summary>
    public static readonly string[] SignInStates = ["none", "signed-in", "expired", "renewable", "not-json", "no-token"];

    /// <summary>AWS file sets under <c>aws/NAME</c>.</summary>
    public static readonly string[] AwsFileSets = ["region-only", "static", "not-ini", "missing"];

    /// <summary>Secrets that exist only inside fixture files.</summary>
    public static readonly string[] FileSecrets =
    [
        "sk-ant-oat01-FixtureAccessTokenQ7wZ3xV9mK2pL5nB8cR4tY6u",
        "sk-ant-ort01-FixtureRefreshTokenH3jK8mN2pQ5rT7vX9zB4cD6f",
        "wJalrXUtnFEMI/K7MDENG/bPxRfiCYFIXTURESECRETq",
        "NotIniSecretZq81Xw4Rt7Yu2Io5Pa9Sd3Fg6Hj0Kl",
    ];

    /// <summary>The moment the suite calls "now" (fixture expiries are on either side of it).</summary>
    public static readonly DateTimeOffset Now = new(2026, 12, 1, 12, 0, 0, TimeSpan.Zero);

    public CaseFiles()
    {
        RootPath = Path.Combine(Path.GetTempPath(), "provideraudit-properties-" + Guid.NewGuid().ToString("N"));
        foreach (var state in SignInStates)
        {
            WriteSignIn(Path.Combine(RootPath, "home", state, ".claude"), state);
            WriteSignIn(Path.Combine(RootPath, "config", state), state);
        }

        Write("aws/region-only/config", "[default]\nregion = us-west-2\n");
        Write("aws/static/config", "[default]\nregion = us-west-2\n[profile cc]\nregion = us-west-2\n");
        Write("aws/static/credentials", $"[default]\naws_access_key_id = AKIAFIXTURE000000001\naws_secret_access_key = {FileSecrets[2]}\n" +
            $"[cc]\naws_access_key_id = AKIAFIXTURE000000002\naws_secret_access_key = {FileSecrets[2]}\n");
        Write("aws/not-ini/config", $"this is [not an ini file\n{FileSecrets[3]}\n= =\n[");
        Write("aws/not-ini/credentials", $"{FileSecrets[3]}\n[default\naws_secret_access_key {FileSecrets[3]}\n");
        Write("files/token", FileSecrets[3]);
        Write("files/key.json", $"{{\"private_key\": \"{FileSecrets[3]}\"}}");
    }

    /// <summary>The real directory <see cref="PropertyCase.Root"/> stands for.</summary>
    public string RootPath { get; }

    /// <summary>The case's value with <see cref="PropertyCase.Root"/> replaced by <see cref="RootPath"/>.</summary>
    public string Resolve(string value) => value.Replace(PropertyCase.Root, RootPath, StringComparison.Ordinal);

    public IReadOnlyDictionary<string, string> Resolve(IReadOnlyDictionary<string, string> values) =>
        values.ToDictionary(kv => kv.Key, kv => Resolve(kv.Value), StringComparer.Ordinal);

    public void Dispose()
    {
        try
        {
            Directory.Delete(RootPath, recursive: true);
        }
        catch (IOException)
        {
            // A test still holding a file open: the OS temp cleaner removes the rest.
        }
    }

    private void WriteSignIn(string directory, string state)
    {
        var future = Now.AddHours(8).ToUnixTimeMilliseconds();
        var past = Now.AddHours(-8).ToUnixTimeMilliseconds();
        var content = state switch
        {
            "signed-in" => $"{{\"claudeAiOauth\":{{\"accessToken\":\"{FileSecrets[0]}\",\"refreshToken\":\"{FileSecrets[1]}\",\"expiresAt\":{future},\"scopes\":[\"user:inference\"]}}}}",
            "expired" => $"{{\"claudeAiOauth\":{{\"accessToken\":\"{FileSecrets[0]}\",\"expiresAt\":{past}}}}}",
            "renewable" => $"{{\"claudeAiOauth\":{{\"accessToken\":\"{FileSecrets[0]}\",\"refreshToken\":\"{FileSecrets[1]}\",\"expiresAt\":{past}}}}}",
            "not-json" => $"accessToken={FileSecrets[0]}",
            "no-token" => "{\"claudeAiOauth\":{\"refreshToken\":\"\"}}",
            _ => null,
        };
        Directory.CreateDirectory(directory);
        if (content is not null)
        {
            File.WriteAllText(Path.Combine(directory, ".credentials.json"), content);
        }
    }

    private void Write(string relative, string content)
    {
        var path = Path.Combine(RootPath, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
    }
}
