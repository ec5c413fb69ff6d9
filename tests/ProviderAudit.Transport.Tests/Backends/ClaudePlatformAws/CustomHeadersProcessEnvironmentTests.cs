using System.Diagnostics;
using ProviderAudit.Transport.Tests.ChildProcess;
using ProviderAudit.Transport.Tests.Emulator;

namespace ProviderAudit.Transport.Tests.Transport;

/// <summary>
/// ANTHROPIC_CUSTOM_HEADERS is read by the Anthropic SDK from the process environment, so these tests run
/// the request in a child process (this assembly's <see cref="ChildProgram"/>) with the variable set there.
/// </summary>
public sealed class CustomHeadersProcessEnvironmentTests
{
    private const string CustomHeaders = "x-api-key: sk-ant-api03-leaked-from-custom-headers\nX-Team: platform";

    private static async Task<(int ExitCode, string Output)> RunChildAsync(string baseUrl, string mode)
    {
        var host = Environment.ProcessPath is { } path && Path.GetFileNameWithoutExtension(path) == "dotnet" ? path : "dotnet";
        var start = new ProcessStartInfo(host)
        {
            ArgumentList = { "exec", typeof(ChildProgram).Assembly.Location, ChildProgram.Verb, baseUrl, mode },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };

        // The child's environment, not ours: this process's environment is never changed.
        start.Environment["ANTHROPIC_CUSTOM_HEADERS"] = CustomHeaders;
        start.Environment["ANTHROPIC_API_KEY"] = "sk-ant-api03-process-env-key";
        start.Environment["ANTHROPIC_AUTH_TOKEN"] = "sk-ant-oat01-process-env-token";
        start.Environment["AWS_EC2_METADATA_DISABLED"] = "true";
        using var process = Process.Start(start)!;
        var output = await process.StandardOutput.ReadToEndAsync();
        var error = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, output + error);
    }

    [Fact]
    public async Task Official_client_alone_leaks_custom_headers_into_CPA_requests()
    {
        await using var emulator = await EmulatorScope.StartAsync();

        var (exitCode, output) = await RunChildAsync(emulator.Url(), "official");

        Assert.True(exitCode == 3, output);
        var recorded = Assert.Single(emulator.Requests);
        Assert.Equal(["sk-ant-api03-leaked-from-custom-headers"], recorded.HeaderValues("x-api-key"));
        Assert.Contains("x-api-key", recorded.SignedHeaders);
        Assert.Equal(401, recorded.StatusCode);
    }

    [Fact]
    public async Task Runtime_client_strips_custom_headers_and_sends_only_SigV4()
    {
        await using var emulator = await EmulatorScope.StartAsync();

        var (exitCode, output) = await RunChildAsync(emulator.Url(), "runtime");

        Assert.True(exitCode == 0, output);
        var recorded = Assert.Single(emulator.Requests);
        Assert.False(recorded.HasHeader("x-api-key"));
        Assert.False(recorded.HasHeader("X-Team"));
        Assert.DoesNotContain(recorded.Headers, h => h.Value.Contains("sk-ant-", StringComparison.Ordinal));
    }
}
