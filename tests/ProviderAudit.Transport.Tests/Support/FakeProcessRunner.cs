
namespace ProviderAudit.Transport.Tests.Support;

/// <summary>A process runner that answers from a function and counts runs; it can hold runs at a gate.</summary>
internal sealed class FakeProcessRunner(Func<ProcessCommand, ProcessRunResult> answer) : IProcessRunner
{
    private int _runs;

    public TaskCompletionSource Gate { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public bool HoldAtGate { get; init; }

    public int Runs => Volatile.Read(ref _runs);

    public List<ProcessCommand> Commands { get; } = [];

    public async Task<ProcessRunResult> RunAsync(ProcessCommand command, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref _runs);
        lock (Commands)
        {
            Commands.Add(command);
        }

        if (HoldAtGate)
        {
            await Gate.Task.WaitAsync(cancellationToken);
        }

        return answer(command);
    }

    public static ProcessRunResult Ok(string stdout = "") => new(0, false, stdout, stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries));
}
