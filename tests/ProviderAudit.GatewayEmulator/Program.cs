using System.Globalization;
using System.Runtime.InteropServices;
using ProviderAudit.GatewayEmulator;

// Runnable by hand:
//   dotnet run --project tests/ProviderAudit.GatewayEmulator -- --port 0 --access-key-id AKID --secret S --workspace wrkspc_x
// prints the URL to put into ANTHROPIC_AWS_BASE_URL and logs one line per request (never a secret).
var parsed = EmulatorArguments.Parse(args);
if (parsed.Error is not null)
{
    Console.Error.WriteLine(parsed.Error);
    Console.Error.WriteLine(EmulatorArguments.Usage);
    return 2;
}

if (parsed.Help)
{
    Console.WriteLine(EmulatorArguments.Usage);
    return 0;
}

// Stop on Ctrl+C and on `kill`/`timeout` (SIGTERM). The server's host leaves the process's signals alone
// (LoopbackHttpServer), so these are the only handlers: without them SIGTERM ended nothing.
using var stop = new CancellationTokenSource();
void Stop(PosixSignalContext context)
{
    context.Cancel = true;
    stop.Cancel();
}

using var onInterrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
using var onTerminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);
await using var emulator = await CpaGatewayEmulator.StartAsync(parsed.Options!, parsed.Port);
emulator.Failure = parsed.Failure;
Console.WriteLine($"CPA gateway emulator listening on {emulator.BaseUri.ToString().TrimEnd('/')}");
Console.WriteLine($"  region {parsed.Options!.Region}, service {parsed.Options.Service}, workspace {parsed.Options.WorkspaceId}");
Console.WriteLine($"  ANTHROPIC_AWS_BASE_URL={emulator.BaseUri.ToString().TrimEnd('/')}");
Console.WriteLine("Press Ctrl+C to stop.");

var seen = 0;
while (!stop.IsCancellationRequested)
{
    try
    {
        await Task.Delay(200, stop.Token);
    }
    catch (OperationCanceledException)
    {
        break;
    }

    var requests = emulator.Requests;
    for (; seen < requests.Count; seen++)
    {
        var r = requests[seen];
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{r.Method} {r.Path}{r.Query} -> {r.StatusCode} ({r.Auth}{(r.AccessKeyId is null ? "" : " " + r.AccessKeyId)}){(r.ErrorMessage is null ? "" : ": " + r.ErrorMessage)}"));
    }
}

return 0;
