using System.Security.Cryptography;
using System.Text;
using ProviderAudit.GatewayEmulator;
using ProviderAudit.Transport.Tests.ChildProcess;
using ProviderAudit.Transport.Tests.Emulator;
using ProviderAudit.Transport.Tests.Support;

namespace ProviderAudit.Transport.Tests.Transport;

/// <summary>
/// An AWS SSO profile end to end, offline: AWSSDK.SSO reads the token cache under HOME and calls the portal at
/// AWS_ENDPOINT_URL_SSO, both from the process environment, so ProviderHost runs in a child process with its own HOME.
/// A fake <c>aws</c> plays <c>aws sso login</c> by writing a fresh token into the cache.
/// </summary>
public sealed class SsoProfileFlowTests : IDisposable
{
    private const string SsoKey = "AKIASSOROLE0000001";
    private const string SsoSecret = "sso-role-secret-00000000000000000000000";
    private const string AccessToken = "sso-access-token-valid";
    private readonly TemporaryDirectory _home = new("tx");

    public void Dispose() => _home.Dispose();

    private string TokenCacheFile => Path.Combine(_home.Path, ".aws", "sso", "cache",
        Convert.ToHexStringLower(SHA1.HashData(Encoding.UTF8.GetBytes("corp"))) + ".json");

    private static string Token(string accessToken, DateTimeOffset expiresAt) =>
        $$"""{"startUrl":"https://example.awsapps.com/start","region":"us-east-1","accessToken":"{{accessToken}}","expiresAt":"{{expiresAt.UtcDateTime:yyyy-MM-ddTHH:mm:ssZ}}"}""";

    private void WriteSsoProfile(string token)
    {
        _home.File(".aws/config", """
            [profile cc]
            sso_session = corp
            sso_account_id = 123456789012
            sso_role_name = Developer
            region = us-east-1

            [sso-session corp]
            sso_start_url = https://example.awsapps.com/start
            sso_region = us-east-1
            sso_registration_scopes = sso:account:access
            """);
        Directory.CreateDirectory(Path.GetDirectoryName(TokenCacheFile)!);
        File.WriteAllText(TokenCacheFile, token);
    }

    private Task<(int Exit, string Output)> RunProviderHostAsync(CpaGatewayEmulator emulator, SsoPortalStub portal, params string[] args) =>
        ChildProcessRunner.RunAsync(new Dictionary<string, string>
        {
            ["HOME"] = _home.Path,
            ["PATH"] = $"{Path.Combine(_home.Path, "bin")}:{Environment.GetEnvironmentVariable("PATH")}",
            ["AWS_EC2_METADATA_DISABLED"] = "true",
            ["AWS_ENDPOINT_URL_SSO"] = portal.BaseUri.ToString().TrimEnd('/'),
            ["AWS_PROFILE"] = "cc",
            ["AWS_REGION"] = EmulatorScope.Region,
            ["ANTHROPIC_AWS_WORKSPACE_ID"] = EmulatorScope.WorkspaceId,
            ["ANTHROPIC_AWS_BASE_URL"] = emulator.Url(),
        }, [ChildProgram.ProviderHostVerb, .. args]);

    private static Task<CpaGatewayEmulator> StartEmulator() =>
        EmulatorScope.StartAsync(accessKeys: new Dictionary<string, string> { [SsoKey] = SsoSecret });

    [Fact]
    public async Task SSO_profile_credentials_sign_the_request()
    {
        WriteSsoProfile(Token(AccessToken, DateTimeOffset.UtcNow.AddHours(8)));
        await using var emulator = await StartEmulator();
        await using var portal = await SsoPortalStub.StartAsync(AccessToken, SsoKey, SsoSecret);

        var (exit, output) = await RunProviderHostAsync(emulator, portal, "ask", "Hi");

        Assert.True(exit == 0, output);
        var recorded = Assert.Single(emulator.Requests);
        Assert.Equal(SsoKey, recorded.AccessKeyId);
        Assert.Equal(["sso-session-token"], recorded.HeaderValues("x-amz-security-token"));
    }

    [Fact]
    public async Task Expired_SSO_token_runs_awsAuthRefresh_then_signs()
    {
        WriteSsoProfile(Token("sso-access-token-old", DateTimeOffset.UtcNow.AddHours(-1)));
        var freshToken = Token(AccessToken, DateTimeOffset.UtcNow.AddHours(8)).Replace("\"", "\\\"", StringComparison.Ordinal);
        _home.Executable("bin/aws", $"#!/bin/sh\necho \"$*\" >> \"$HOME/refresh-runs.log\"\nprintf '%s' \"{freshToken}\" > \"{TokenCacheFile}\"\necho 'Successfully logged into Start URL'\n");
        var settings = _home.File("settings.json", """{ "awsAuthRefresh": "aws sso login --profile cc" }""");
        await using var emulator = await StartEmulator();
        await using var portal = await SsoPortalStub.StartAsync(AccessToken, SsoKey, SsoSecret);

        var (exit, output) = await RunProviderHostAsync(emulator, portal, "ask", "Hi", "--settings", settings);

        Assert.True(exit == 0, output);
        Assert.Equal(["sso login --profile cc"], File.ReadAllLines(Path.Combine(_home.Path, "refresh-runs.log")));
        Assert.Contains("Successfully logged into Start URL", output, StringComparison.Ordinal);
        Assert.Equal(SsoKey, Assert.Single(emulator.Requests).AccessKeyId);
    }

    [Fact]
    public async Task Launch_with_an_expired_SSO_token_shows_the_refresh_command_output_before_the_child_runs()
    {
        // On a headless box `aws sso login` prints a device code the user must act on while it waits.
        WriteSsoProfile(Token("sso-access-token-old", DateTimeOffset.UtcNow.AddHours(-1)));
        var freshToken = Token(AccessToken, DateTimeOffset.UtcNow.AddHours(8)).Replace("\"", "\\\"", StringComparison.Ordinal);
        _home.Executable("bin/aws", $"#!/bin/sh\necho 'Then enter the code: WXYZ-1234'\nprintf '%s' \"{freshToken}\" > \"{TokenCacheFile}\"\necho 'Successfully logged into Start URL'\n");
        var settings = _home.File("settings.json", """{ "awsAuthRefresh": "aws sso login --profile cc" }""");
        await using var emulator = await StartEmulator();
        await using var portal = await SsoPortalStub.StartAsync(AccessToken, SsoKey, SsoSecret);

        var (exit, output) = await RunProviderHostAsync(emulator, portal, "launch", "claude-code", "--settings", settings, "--", "sh", "-c", "echo child-started");

        Assert.True(exit == 0, output);
        Assert.Contains("Then enter the code: WXYZ-1234", output, StringComparison.Ordinal);
        Assert.Contains("Successfully logged into Start URL", output, StringComparison.Ordinal);
        Assert.Contains("child-started", output, StringComparison.Ordinal);
        Assert.DoesNotContain("Not launching", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SSO_token_the_portal_refuses_is_a_not_ready_status_with_the_refresh_command_not_a_crash()
    {
        // In date locally, but revoked server-side: the portal answers 401, which AWSSDK raises as a service exception.
        WriteSsoProfile(Token("sso-access-token-revoked", DateTimeOffset.UtcNow.AddHours(8)));
        var settings = _home.File("settings.json", """{ "awsAuthRefresh": "aws sso login --profile cc" }""");
        _home.Executable("bin/aws", "#!/bin/sh\necho 'still signed out'\nexit 1\n");
        await using var emulator = await StartEmulator();
        await using var portal = await SsoPortalStub.StartAsync(AccessToken, SsoKey, SsoSecret);

        var (exit, output) = await RunProviderHostAsync(emulator, portal, "status", "--settings", settings);

        Assert.True(exit == 3, output);
        Assert.DoesNotContain("Unhandled exception", output, StringComparison.Ordinal);
        Assert.Contains("aws sso login --profile cc", output, StringComparison.Ordinal);
        Assert.DoesNotContain("sso-access-token-revoked", output, StringComparison.Ordinal);
        Assert.Empty(emulator.Requests);
    }
}
