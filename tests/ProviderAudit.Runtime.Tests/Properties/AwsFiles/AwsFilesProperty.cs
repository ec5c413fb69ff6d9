using System.Collections.Concurrent;
using System.Diagnostics;
using Anthropic.Models.Messages;
using ProviderAudit.GatewayEmulator;
using Xunit.Abstractions;

namespace ProviderAudit.Runtime.Tests.Properties.AwsFiles;

/// <summary>The suite's directory, the shared special files, and one loopback gateway emulator for every case.</summary>
public sealed class AwsFilesFixture : IAsyncLifetime
{
    public string Root { get; } = Path.Combine(Path.GetTempPath(), "provideraudit-awsfiles-" + Guid.NewGuid().ToString("N"));

    public string Fifo => Path.Combine(Root, "special", "fifo");

    internal CpaGatewayEmulator Emulator { get; private set; } = null!;

    public const string Region = "us-west-2";
    public const string Workspace = "wrkspc_01PropertySuite";

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(Path.Combine(Root, "special"));
        using (var mkfifo = Process.Start("/usr/bin/mkfifo", [Fifo]))
        {
            await mkfifo.WaitForExitAsync();
        }

        Emulator = await CpaGatewayEmulator.StartAsync(new GatewayEmulatorOptions { Region = Region, WorkspaceId = Workspace, RecordRequests = true });
    }

    public async Task DisposeAsync()
    {
        await Emulator.DisposeAsync();
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // The OS temp cleaner removes what is left.
        }
    }
}

/// <summary>
/// Random <c>~/.aws</c> files × random environments through status and the request it promises: nothing throws, every
/// case ends within its bound, no secret of the files shows in any output, and ready ⇒ the gateway emulator accepts the
/// request signed with the key the files name (<see cref="AwsFilesOracle"/>) — the only key it knows for that case.
/// </summary>
/// <remarks>
/// CI runs <see cref="PropertyRunner.BoundedRuns"/> cases; the full run is
/// <c>PROVIDERAUDIT_PROPERTY_RUNS=10000 dotnet test tests/ProviderAudit.Runtime.Tests --filter "FullyQualifiedName~AwsFilesProperty" --logger "console;verbosity=detailed"</c>
/// (docs/runtime.md).
/// </remarks>
public sealed class AwsFilesProperty(AwsFilesFixture fixture, ITestOutputHelper output) : IClassFixture<AwsFilesFixture>
{
    private static readonly TimeSpan CaseBound = TimeSpan.FromSeconds(30);
    private int _cases;
    private int _ready;

    [Fact]
    public void Ready_always_means_the_gateway_accepts_the_key_the_files_name()
    {
        PropertyRunner.Check(AwsFilesGenerator.Case, Check, c => c.ToString(), output);
        output.WriteLine($"ready in {_ready} of {_cases} cases");

        // Not a vacuous run: a good share of the generated setups are ones both tools read alike.
        Assert.True(_ready * 20 >= _cases, $"only {_ready} of {_cases} cases were ready");
    }

    private void Check(AwsFilesCase @case)
    {
        var home = Path.Combine(fixture.Root, "case-" + Guid.NewGuid().ToString("N")[..12]);
        try
        {
            var run = Task.Run(() => Observe(@case, home));
            Assert.True(run.Wait(CaseBound), $"the case took longer than {CaseBound.TotalSeconds:0} s");
            run.GetAwaiter().GetResult();
        }
        finally
        {
            try
            {
                Directory.Delete(home, recursive: true);
            }
            catch (IOException)
            {
                // Left for the fixture's cleanup.
            }
        }
    }

    private async Task Observe(AwsFilesCase @case, string home)
    {
        var env = Materialize(@case, home);
        var expected = AwsFilesOracle.Expected(@case);
        var outputs = new ConcurrentBag<(string, string)>();

        var options = RequestClientOptions.Default with
        {
            MaxRetries = 0,
            InjectedHeaders = [],
            CredentialResolutionTimeout = TimeSpan.FromSeconds(10),
        };
        var status = RuntimeStatusEvaluator.Evaluate(env, HostSettings.Empty, LaunchTarget.ClaudeCode,
            new RuntimeStatusOptions { RequestTransportCheck = new RequestClientCheck(options) });
        var launch = LaunchEnvironment.Build(env, HostSettings.Empty, LaunchTarget.ClaudeCode);
        foreach (var text in new[] { status.Message, status.ToString(), launch.ToString() }
                     .Concat(status.Problems.Select(p => p.Message)).Concat(status.Warnings).Concat(status.Actions).Concat(status.Details.Select(d => d.Value)))
        {
            outputs.Add(("status", text));
        }

        Interlocked.Increment(ref _cases);
        if (status.Ready)
        {
            Interlocked.Increment(ref _ready);
            Assert.True(expected is not null, $"ready ({status.Message}), but the files name no key both tools agree on");
            fixture.Emulator.Authenticator.SetAccessKeys(new Dictionary<string, string> { [expected.AccessKeyId] = expected.SecretAccessKey });
            var before = fixture.Emulator.Requests.Count;
            try
            {
                using var client = RuntimeBackends.ClaudePlatformAws.CreateRequestClient(new TransportInputs(env), options);
                await client.SendAsync((c, ct) => c.Messages.CountTokens(
                    new MessageCountTokensParams { Model = "claude-sonnet-4-6", Messages = [new UserMessageParam("ping")] }, ct));
            }
            catch (Exception e)
            {
                outputs.Add(("request", e.Message));
                AssertNoSecret(@case, outputs);
                Assert.Fail($"ready ({status.Message}), but the request failed: {e.GetType().Name}: {e.Message}");
            }

            var request = fixture.Emulator.Requests[before];
            Assert.Equal(200, request.StatusCode);
            Assert.Equal(expected.AccessKeyId, request.AccessKeyId);
            Assert.Equal(expected.SessionToken is null ? [] : [expected.SessionToken], request.HeaderValues("x-amz-security-token"));
        }

        AssertNoSecret(@case, outputs);
    }

    // Writes the case's files under its own home (HOME), with the suite's credential_process scripts.
    private Dictionary<string, string> Materialize(AwsFilesCase @case, string home)
    {
        string Real(string value) => value.Replace(AwsFilesCase.Home, home, StringComparison.Ordinal);
        Directory.CreateDirectory(Path.Combine(home, "bin"));
        for (var i = 0; i < @case.Pairs.Count; i++)
        {
            var pair = @case.Pairs[i];
            var script = Path.Combine(home, "bin", $"creds-{i}");
            File.WriteAllText(script, $"#!/bin/sh\necho '{{\"Version\": 1, \"AccessKeyId\": \"{pair.AccessKeyId}\", \"SecretAccessKey\": \"{pair.SecretAccessKey.Replace("'", "", StringComparison.Ordinal)}\", \"SessionToken\": \"{pair.SessionToken}\"}}'\n");
            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(script, UnixFileMode.UserRead | UnixFileMode.UserExecute);
            }
        }

        var env = @case.Environment.ToDictionary(kv => kv.Key, kv => Real(kv.Value), StringComparer.Ordinal);
        foreach (var (spec, path, variable) in new[] { (@case.Config, @case.ConfigPath, "AWS_CONFIG_FILE"), (@case.Credentials, @case.CredentialsPath, "AWS_SHARED_CREDENTIALS_FILE") })
        {
            var real = Real(path);
            Directory.CreateDirectory(Path.GetDirectoryName(real)!);
            switch (spec.Kind)
            {
                case AwsFileKind.Text or AwsFileKind.Utf16 or AwsFileKind.Oversize:
                    File.WriteAllBytes(real, (spec with { Text = Real(spec.Text) }).Bytes());
                    break;
                case AwsFileKind.Fifo:
                    File.CreateSymbolicLink(real, fixture.Fifo);
                    break;
                case AwsFileKind.DevZero:
                    File.CreateSymbolicLink(real, "/dev/zero");
                    break;
                case AwsFileKind.Directory:
                    Directory.CreateDirectory(real);
                    break;
                case AwsFileKind.DevNull:
                    env[variable] = "/dev/null";
                    break;
            }
        }

        foreach (var (name, value) in RuntimeVariables.HermeticPins)
        {
            env[name] = value;
        }

        env["ANTHROPIC_AWS_WORKSPACE_ID"] = AwsFilesFixture.Workspace;
        env["AWS_REGION"] = AwsFilesFixture.Region;
        env["ANTHROPIC_AWS_BASE_URL"] = fixture.Emulator.BaseUri.ToString().TrimEnd('/');
        env["PATH"] = "/usr/bin:/bin";
        return env;
    }

    private static void AssertNoSecret(AwsFilesCase @case, IEnumerable<(string Source, string Text)> outputs)
    {
        var fragments = new HashSet<string>(StringComparer.Ordinal);
        foreach (var secret in @case.Secrets)
        {
            for (var i = 0; i + SecretScrubber.FragmentLength <= secret.Length; i++)
            {
                fragments.Add(secret.Substring(i, SecretScrubber.FragmentLength));
            }
        }

        foreach (var (source, text) in outputs)
        {
            for (var i = 0; i + SecretScrubber.FragmentLength <= text.Length; i++)
            {
                if (fragments.Contains(text.Substring(i, SecretScrubber.FragmentLength)))
                {
                    Assert.Fail($"{source} shows {PropertyCase.Literal(text.Substring(i, SecretScrubber.FragmentLength))}, part of a secret: {PropertyCase.Literal(text)}");
                }
            }
        }
    }
}
