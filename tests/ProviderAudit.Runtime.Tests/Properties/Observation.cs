using System.Text.Json;
using ProviderHost;

namespace ProviderAudit.Runtime.Tests.Properties;

/// <summary>
/// Everything the runtime and the ProviderHost CLI say about one case: the selection, the status, the launch
/// environment, and the CLI's <c>status</c>, <c>status --json</c> and <c>launch --force</c> output (host-command
/// output included). The request transport is the real one, with host commands answered by the case's stubs and
/// every HTTP request refused, so nothing leaves the machine.
/// </summary>
internal sealed class Observation
{
    private Observation(
        PropertyCase @case,
        IReadOnlyDictionary<string, string> environment,
        HostSettings settings,
        BackendSelection selection,
        RuntimeStatus status,
        LaunchEnvironment launch,
        IReadOnlyList<(string Name, string Text)> outputs,
        IReadOnlyDictionary<string, string>? childEnvironment)
    {
        Case = @case;
        Environment = environment;
        Settings = settings;
        Selection = selection;
        Status = status;
        Launch = launch;
        Outputs = outputs;
        ChildEnvironment = childEnvironment;
    }

    public PropertyCase Case { get; }

    /// <summary>The process environment given to the runtime (paths resolved).</summary>
    public IReadOnlyDictionary<string, string> Environment { get; }

    public HostSettings Settings { get; }

    public BackendSelection Selection { get; }

    public RuntimeStatus Status { get; }

    public LaunchEnvironment Launch { get; }

    /// <summary>Every text a person or a program reads, each with where it came from.</summary>
    public IReadOnlyList<(string Name, string Text)> Outputs { get; }

    /// <summary>The environment <c>launch --force</c> gave the child, when the CLI ran.</summary>
    public IReadOnlyDictionary<string, string>? ChildEnvironment { get; }

    /// <summary>The runtime only (selection, status, launch environment): fast enough for properties about decisions.</summary>
    public static Observation OfRuntime(PropertyCase @case, CaseFiles files) => Observe(@case, files, withCli: false);

    /// <summary>The runtime and the CLI: for properties about what is printed.</summary>
    public static Observation OfRuntimeAndCli(PropertyCase @case, CaseFiles files) => Observe(@case, files, withCli: true);

    private static Observation Observe(PropertyCase @case, CaseFiles files, bool withCli)
    {
        var environment = files.Resolve(@case.Environment);
        var settingsEnv = files.Resolve(@case.SettingsEnv);
        var settingsPath = @case.HasSettings ? Path.Combine(files.RootPath, "settings-" + Guid.NewGuid().ToString("N") + ".json") : null;
        var settings = new HostSettings(
            @case.AwsAuthRefresh is null ? null : PropertyCase.RefreshCommand,
            @case.AwsCredentialExport is null ? null : PropertyCase.ExportCommand,
            settingsEnv,
            settingsPath);
        var outputs = new List<(string, string)>();
        var options = StatusOptions(@case, line => { lock (outputs) outputs.Add(("awsAuthRefresh output", line)); });

        var selection = BackendResolver.Resolve(environment, settings, @case.Target);
        var status = RuntimeStatusEvaluator.Evaluate(environment, settings, @case.Target, options);
        var launch = LaunchEnvironment.Build(environment, settings, @case.Target);
        outputs.Add(("selection", selection.ToString()));
        outputs.AddRange(selection.Warnings.Select(w => ("selection warning", w)));
        outputs.Add(("status", status.ToString()));
        outputs.Add(("status message", status.Message));
        outputs.AddRange(status.Actions.Select(a => ("status action", a)));
        outputs.AddRange(status.Warnings.Select(w => ("status warning", w)));
        outputs.AddRange(status.Problems.Select(p => ("status problem", p.Message)));
        outputs.AddRange(status.Details.Select(d => ($"status detail {d.Key}", d.Value)));
        if (status.BaseUri is { } baseUri)
        {
            outputs.Add(("status base URI", baseUri.ToString()));
        }

        outputs.Add(("launch", launch.ToString()));

        IReadOnlyDictionary<string, string>? child = null;
        if (withCli)
        {
            if (settingsPath is not null)
            {
                File.WriteAllText(settingsPath, SettingsJson(settingsEnv, settings));
            }

            try
            {
                string[] settingsArgs = settingsPath is null ? [] : ["--settings", settingsPath];
                var target = @case.Target.Name();
                outputs.AddRange(Cli(environment, options, null, ["status", "--target", target, .. settingsArgs]));
                var json = Cli(environment, options, null, ["status", "--target", target, "--json", .. settingsArgs]);
                outputs.AddRange(json);
                outputs.AddRange(JsonStrings(json[0].Text).Select(s => ("status --json (decoded)", s)));
                var runner = new RecordingChildRunner();
                outputs.AddRange(Cli(environment, options, runner, ["launch", target, "--force", .. settingsArgs, "--", "child-command", "--flag"]));
                child = runner.Environment;
            }
            finally
            {
                if (settingsPath is not null)
                {
                    File.Delete(settingsPath);
                }
            }
        }

        return new Observation(@case, environment, settings, selection, status, launch, outputs, child);
    }

    private static RuntimeStatusOptions StatusOptions(PropertyCase @case, Action<string> onRefreshOutput) => new()
    {
        FileExists = File.Exists,
        Clock = new FixedClock(CaseFiles.Now),
        RequestTransportCheck = new RequestClientCheck(RequestClientOptions.Default with
        {
            ProcessRunner = new StubProcessRunner(@case),
            OnRefreshOutput = onRefreshOutput,
            PrimaryHandler = () => new RefusingHandler(),
            MaxRetries = 0,
            RefreshTimeout = TimeSpan.FromSeconds(10),
            CredentialExportTimeout = TimeSpan.FromSeconds(10),
            Clock = new FixedClock(CaseFiles.Now),
            InjectedHeaders = [],
        }),
    };

    private static (string Name, string Text)[] Cli(IReadOnlyDictionary<string, string> environment, RuntimeStatusOptions options, IChildProcessRunner? runner, string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        ProviderHostCli.Run(args, environment, stdout, stderr, runner ?? new RecordingChildRunner(), options);
        var command = string.Join(' ', args.TakeWhile(a => a != "--settings" && a != "--"));
        return [($"{command} stdout", stdout.ToString()), ($"{command} stderr", stderr.ToString())];
    }

    private static IEnumerable<string> JsonStrings(string json)
    {
        using var document = JsonDocument.Parse(json);
        var strings = new List<string>();
        void Walk(JsonElement element)
        {
            switch (element.ValueKind)
            {
                case JsonValueKind.String:
                    strings.Add(element.GetString()!);
                    break;
                case JsonValueKind.Array:
                    foreach (var item in element.EnumerateArray()) Walk(item);
                    break;
                case JsonValueKind.Object:
                    foreach (var property in element.EnumerateObject()) Walk(property.Value);
                    break;
            }
        }

        Walk(document.RootElement);
        return strings;
    }

    private static string SettingsJson(IReadOnlyDictionary<string, string> env, HostSettings settings) =>
        JsonSerializer.Serialize(new Dictionary<string, object?>
        {
            ["env"] = env,
            ["awsAuthRefresh"] = settings.AwsAuthRefresh,
            ["awsCredentialExport"] = settings.AwsCredentialExport,
        });

    private sealed class RecordingChildRunner : IChildProcessRunner
    {
        public IReadOnlyDictionary<string, string>? Environment { get; private set; }

        public int Run(string command, IReadOnlyList<string> arguments, IReadOnlyDictionary<string, string> environment)
        {
            Environment = environment;
            return 0;
        }
    }

    /// <summary>Answers <c>awsAuthRefresh</c> and <c>awsCredentialExport</c> with the case's behaviour; runs nothing.</summary>
    private sealed class StubProcessRunner(PropertyCase @case) : IProcessRunner
    {
        public Task<ProcessRunResult> RunAsync(ProcessCommand command, CancellationToken cancellationToken = default)
        {
            var behaviour = command.CommandLine == PropertyCase.RefreshCommand ? @case.AwsAuthRefresh : @case.AwsCredentialExport;
            if (behaviour is null)
            {
                return Task.FromResult(new ProcessRunResult(null, false, "", [], "not configured in this case"));
            }

            foreach (var line in behaviour.Output)
            {
                command.OnOutputLine?.Invoke(line);
            }

            return Task.FromResult(new ProcessRunResult(behaviour.ExitCode, false, string.Join('\n', behaviour.Output), behaviour.Output));
        }
    }

    private sealed class RefusingHandler : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            throw new HttpRequestException("The property suite sends no requests.");
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
