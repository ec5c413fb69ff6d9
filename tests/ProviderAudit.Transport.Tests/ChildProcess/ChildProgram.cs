using Anthropic.Aws;
using Anthropic.Core;
using Anthropic.Exceptions;
using Anthropic.Models.Messages;
using ProviderAudit.Transport.Tests.Emulator;

namespace ProviderAudit.Transport.Tests.ChildProcess;

/// <summary>
/// Entry point when this test assembly runs as a child process (<c>dotnet exec … cpa-request URL MODE</c>):
/// sends one CPA request with the process environment the parent chose. MODE is <c>official</c> (the
/// official client alone) or <c>runtime</c> (through <see cref="ClaudePlatformAwsClientFactory"/>).
/// Exit code: 0 answered 2xx, 3 gateway error, 2 usage error.
/// </summary>
public static class ChildProgram
{
    public const string Verb = "cpa-request";

    /// <summary>Runs the ProviderHost CLI on this process's real environment (<c>provider-host ask …</c>).</summary>
    public const string ProviderHostVerb = "provider-host";

    /// <summary>
    /// Status and requests for one AWS backend on this process's environment
    /// (<c>aws-source BACKEND REQUESTS TIMEOUT_SECONDS [METADATA_TIMEOUT_SECONDS]</c>).
    /// </summary>
    public const string AwsSourceVerb = "aws-source";

    /// <summary>
    /// Runs one command through the runtime's process runner and leaves while it still runs
    /// (<c>owned-run COMMAND exit|wait</c>): <c>exit</c> exits as soon as the command wrote <c>$READY_FILE</c>; <c>wait</c>
    /// waits for a signal.
    /// </summary>
    public const string OwnedRunVerb = "owned-run";

    /// <summary>
    /// CPA status on this process's environment with <c>awsAuthRefresh</c> set to COMMAND
    /// (<c>refresh-status COMMAND</c>): prints <c>ready=…</c> and the message; exit 0 when ready.
    /// </summary>
    public const string RefreshStatusVerb = "refresh-status";

    /// <summary>Starts a <see cref="ProviderAudit.GatewayEmulator.LoopbackHttpServer"/>, prints <c>started</c> and waits (<c>loopback-server</c>).</summary>
    public const string LoopbackServerVerb = "loopback-server";

    public static async Task<int> Main(string[] args)
    {
        if (args.Length == 2 && args[0] == RefreshStatusVerb)
        {
            var processEnvironment = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (System.Collections.DictionaryEntry entry in Environment.GetEnvironmentVariables())
            {
                processEnvironment[(string)entry.Key] = (string?)entry.Value ?? "";
            }

            var status = RuntimeStatusEvaluator.Evaluate(processEnvironment, new HostSettings(awsAuthRefresh: args[1]), LaunchTarget.ClaudeCode,
                new RuntimeStatusOptions { RequestTransportCheck = new RequestClientCheck(Support.AwsBackendScope.Options()) });
            Console.WriteLine($"ready={status.Ready}");
            Console.WriteLine($"message={status.Message}");
            return status.Ready ? 0 : 3;
        }

        if (args.Length == 1 && args[0] == LoopbackServerVerb)
        {
            await using var server = await ProviderAudit.GatewayEmulator.LoopbackHttpServer.StartAsync(context => { context.Response.StatusCode = 204; return Task.CompletedTask; });
            Console.WriteLine("started");
            await Task.Delay(Timeout.Infinite);
        }

        if (args.Length == 3 && args[0] == OwnedRunVerb)
        {
            return await OwnedRunAsync(args[1], args[2]);
        }

        if (args.Length is 4 or 5 && args[0] == AwsSourceVerb)
        {
            return await AwsSourceAsync(args[1], int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture), Seconds(args[3]), args.Length == 5 ? Seconds(args[4]) : null);
        }

        if (args.Length > 0 && args[0] == ProviderHostVerb)
        {
            var environment = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (System.Collections.DictionaryEntry entry in Environment.GetEnvironmentVariables())
            {
                environment[(string)entry.Key] = (string?)entry.Value ?? "";
            }

            return ProviderHost.ProviderHostCli.Run(args[1..], environment, Console.Out, Console.Error);
        }

        if (args.Length != 3 || args[0] != Verb)
        {
            Console.Error.WriteLine($"usage: {Verb} <base-url> official|runtime");
            return 2;
        }

        var baseUrl = args[1];
        using AnthropicAwsClient client = args[2] == "official"
            ? new AnthropicAwsClient(new AwsClientOptions
            {
                AwsAccessKey = EmulatorScope.AccessKeyId,
                AwsSecretAccessKey = EmulatorScope.SecretAccessKey,
                AwsRegion = EmulatorScope.Region,
                WorkspaceId = EmulatorScope.WorkspaceId,
                BaseUrl = baseUrl,
                ClientOptions = new ClientOptions { MaxRetries = 0 },
            })
            : ClaudePlatformAwsClientFactory.Create(
                Support.CpaTestClients.SkipAuthSettings(baseUrl),
                ClaudePlatformAwsAuth.SigV4(new AwsSessionCredentials(EmulatorScope.AccessKeyId, EmulatorScope.SecretAccessKey, null, null, "child")),
                new ClaudePlatformAwsClientSettings { MaxRetries = 0 });
        try
        {
            await client.Messages.Create(new MessageCreateParams
            {
                Model = "claude-sonnet-4-6",
                MaxTokens = 16,
                Messages = [new UserMessageParam("Hi")],
            });
            Console.WriteLine("status=200");
            return 0;
        }
        catch (AnthropicApiException e)
        {
            Console.WriteLine($"status={(int)e.StatusCode}");
            return 3;
        }
        catch (InvalidOperationException e)
        {
            // The runtime's wire guard refused to send.
            Console.WriteLine("refused: " + e.Message);
            return 4;
        }
    }

    // Prints "ready=…", the status message, and "sent=N" after N requests; exit 0 when ready and all were answered.
    private static async Task<int> AwsSourceAsync(string backend, int requests, TimeSpan timeout, TimeSpan? metadataTimeout)
    {
        var environment = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (System.Collections.DictionaryEntry entry in Environment.GetEnvironmentVariables())
        {
            environment[(string)entry.Key] = (string?)entry.Value ?? "";
        }

        var status = Support.AwsBackendScope.Status(environment, timeout, metadataTimeout);
        Console.WriteLine($"ready={status.Ready}");
        Console.WriteLine($"message={status.Message}");
        if (!status.Ready)
        {
            return 3;
        }

        await Support.AwsBackendScope.SendAsync(backend, environment, requests);
        Console.WriteLine($"sent={requests}");
        return 0;
    }

    private static async Task<int> OwnedRunAsync(string commandLine, string how)
    {
        var environment = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (System.Collections.DictionaryEntry entry in Environment.GetEnvironmentVariables())
        {
            environment[(string)entry.Key] = (string?)entry.Value ?? "";
        }

        var run = new SystemProcessRunner().RunAsync(new ProcessCommand(commandLine, environment, TimeSpan.FromMinutes(5)));
        var ready = environment["READY_FILE"];
        while (!File.Exists(ready))
        {
            await Task.Delay(20);
        }

        Console.WriteLine("started");
        if (how == "exit")
        {
            return 0;
        }

        await run;
        return 1;
    }

    private static TimeSpan Seconds(string value) => TimeSpan.FromSeconds(double.Parse(value, System.Globalization.CultureInfo.InvariantCulture));
}
