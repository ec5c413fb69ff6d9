
namespace ProviderAudit.Transport.Tests.Transport;

public sealed class SystemProcessRunnerTests
{
    private static readonly Dictionary<string, string> Env = new() { ["PATH"] = "/usr/bin:/bin", ["GREETING"] = "hello-from-dictionary" };

    private static Task<ProcessRunResult> Run(string command, Action<string>? output = null) =>
        new SystemProcessRunner().RunAsync(new ProcessCommand(command, Env, TimeSpan.FromSeconds(20), output));

    [Fact]
    public async Task Child_sees_only_the_given_environment()
    {
        var result = await Run("echo \"$GREETING\"; echo \"home=$HOME\"");

        Assert.Equal("hello-from-dictionary\nhome=\n", result.StandardOutput);
    }

    [Fact]
    public async Task Standard_input_is_closed()
    {
        var result = await Run("if read line; then echo got-input; else echo no-input; fi");

        Assert.Equal("no-input\n", result.StandardOutput);
    }

    [Fact]
    public async Task Exit_code_is_reported()
    {
        var result = await Run("exit 7");

        Assert.Equal(7, result.ExitCode);
        Assert.False(result.Succeeded);
    }

    [Fact]
    public async Task Standard_error_reaches_the_callback_but_not_standard_output()
    {
        var lines = new List<string>();

        var result = await Run("echo out; echo err 1>&2", line => { lock (lines) { lines.Add(line); } });

        Assert.Equal("out\n", result.StandardOutput);
        Assert.Contains("err", lines);
        Assert.Contains("out", lines);
    }
}
