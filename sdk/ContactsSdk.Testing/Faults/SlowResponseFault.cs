using System;
using System.Threading;
using System.Threading.Tasks;

namespace ContactsSdk.Testing.Faults;

/// <summary>
/// The request is processed at once but its response is held back for a delay on the emulator
/// clock (a fake clock must be advanced for it to arrive).
/// </summary>
internal sealed class SlowResponseFault(TimeSpan delay)
    : Fault(FaultKind.SlowResponse, EmulatorRoute.All, $"delay the response by {delay}")
{
    internal override async Task ApplyAsync(FaultContext context, Func<Task> next)
    {
        var body = await ResponseCapture.RunAsync(context.Http, next);
        using var cancellation = CancellationTokenSource.CreateLinkedTokenSource(context.Http.RequestAborted, context.State.Stopping);
        try
        {
            await Task.Delay(delay, context.State.Time, cancellation.Token);
        }
        catch (OperationCanceledException)
        {
            // The client gave up or the emulator is stopping: there is nobody left to answer.
            context.Http.Abort();
            return;
        }

        await ResponseCapture.SendAsync(context.Http, body);
    }
}
