using System.Diagnostics;
using System.Net.Sockets;
using ProviderAudit.Transport.Tests.Support;

namespace ProviderAudit.Transport.Tests.AwsCredentials;

/// <summary>
/// Config, credentials, token and settings files are read only when they are regular files under their cap: a device,
/// a FIFO, a socket, a directory or an oversize file is a named not-ready at once — never a hang, never "Out of memory".
/// </summary>
/// <remarks>
/// The type is known from <c>stat</c> before anything is opened, so the answer takes milliseconds; the tests bound each
/// call generously (a FIFO read would otherwise never return) and check what was said.
/// </remarks>
public sealed class BoundedInputTests : IDisposable
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(10);
    private readonly TemporaryDirectory _home = new("tx");
    private readonly List<Socket> _sockets = [];

    public void Dispose()
    {
        _sockets.ForEach(s => s.Dispose());
        _home.Dispose();
    }

    public static TheoryData<string, string> SpecialFiles() => new()
    {
        { "AWS_CONFIG_FILE", "fifo" }, { "AWS_CONFIG_FILE", "/dev/zero" }, { "AWS_CONFIG_FILE", "socket" }, { "AWS_CONFIG_FILE", "oversize" },
        { "AWS_CONFIG_FILE", "directory" }, { "AWS_SHARED_CREDENTIALS_FILE", "fifo" }, { "AWS_SHARED_CREDENTIALS_FILE", "/dev/zero" },
        { "AWS_SHARED_CREDENTIALS_FILE", "oversize" },
    };

    private string Special(string kind)
    {
        var path = Path.Combine(_home.Path, "special-" + Guid.NewGuid().ToString("N")[..8]);
        switch (kind)
        {
            case "fifo":
                using (var mkfifo = Process.Start("/usr/bin/mkfifo", [path]))
                {
                    mkfifo.WaitForExit();
                }

                return path;
            case "socket":
                var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
                socket.Bind(new UnixDomainSocketEndPoint(path));
                _sockets.Add(socket);
                return path;
            case "oversize":
                File.WriteAllText(path, "[profile cc]\n" + new string('#', (int)BoundedFile.AwsFileCap) + "\n");
                return path;
            case "directory":
                Directory.CreateDirectory(path);
                return path;
            default:
                return kind;
        }
    }

    private Dictionary<string, string> Cpa(params (string, string)[] values) => TestEnvironment.Isolated(_home.Path,
        [("ANTHROPIC_AWS_WORKSPACE_ID", "wrkspc_01Test"), ("AWS_REGION", "us-west-2"), ("AWS_PROFILE", "cc"), .. values]);

    private static async Task<T> Bounded<T>(Func<T> work) => await Task.Run(work).WaitAsync(Bound);

    [Theory]
    [MemberData(nameof(SpecialFiles))]
    public async Task A_special_or_oversize_AWS_file_is_a_named_not_ready(string variable, string kind)
    {
        var path = Special(kind);

        var status = await Bounded(() => RuntimeStatusEvaluator.Evaluate(Cpa((variable, path)), HostSettings.Empty, LaunchTarget.ClaudeCode));

        Assert.False(status.Ready);
        var problem = Assert.Single(status.Problems, p => p.Variable == variable);
        Assert.Contains(kind switch
        {
            "fifo" => "FIFO",
            "socket" => "socket",
            "/dev/zero" => "character device",
            "directory" => "directory",
            _ => "larger than 1024 KB",
        }, problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Dev_null_as_the_config_file_means_no_config()
    {
        var status = await Bounded(() => RuntimeStatusEvaluator.Evaluate(Cpa(("AWS_CONFIG_FILE", "/dev/null")), HostSettings.Empty, LaunchTarget.ClaudeCode));

        Assert.False(status.Ready);
        Assert.Contains("no profile [cc]", status.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("fifo")]
    [InlineData("/dev/zero")]
    public async Task A_special_web_identity_token_file_is_a_named_not_ready(string kind)
    {
        var path = Special(kind);
        var env = Cpa(("AWS_WEB_IDENTITY_TOKEN_FILE", path), ("AWS_ROLE_ARN", "arn:aws:iam::123456789012:role/ci"));

        var status = await Bounded(() => RuntimeStatusEvaluator.Evaluate(env, HostSettings.Empty, LaunchTarget.ClaudeCode));

        Assert.False(status.Ready);
        Assert.Contains(status.Problems, p => p.Variable == "AWS_WEB_IDENTITY_TOKEN_FILE" && p.Message.Contains("not a regular file", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("fifo", "FIFO")]
    [InlineData("/dev/zero", "character device")]
    [InlineData("oversize", "larger than")]
    public async Task A_special_settings_file_is_a_named_error(string kind, string expected)
    {
        var path = Special(kind);

        var error = await Assert.ThrowsAsync<HostSettingsException>(() => Bounded(() => HostSettingsReader.Read(path)));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        Assert.Contains("--settings", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ProviderHost_refuses_a_FIFO_as_its_settings_file_with_exit_2()
    {
        var path = Special("fifo");
        var stderr = new StringWriter();

        var exit = await Bounded(() => global::ProviderHost.ProviderHostCli.Run(["status", "--settings", path], TestEnvironment.Isolated(_home.Path), new StringWriter(), stderr));

        Assert.Equal(2, exit);
        Assert.Contains("FIFO", stderr.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_FIFO_as_Claude_Codes_sign_in_file_is_unusable_not_a_hang()
    {
        Directory.CreateDirectory(Path.Combine(_home.Path, ".claude"));
        using (var mkfifo = Process.Start("/usr/bin/mkfifo", [Path.Combine(_home.Path, ".claude", ".credentials.json")]))
        {
            mkfifo.WaitForExit();
        }

        var status = await Bounded(() => RuntimeStatusEvaluator.Evaluate(
            TestEnvironment.Isolated(_home.Path), HostSettings.Empty, LaunchTarget.ClaudeCode));

        Assert.False(status.Ready);
        Assert.Contains("not a regular file", status.Message, StringComparison.Ordinal);
    }
}
