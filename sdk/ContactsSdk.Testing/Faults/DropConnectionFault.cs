using System;
using System.Threading.Tasks;

namespace ContactsSdk.Testing.Faults;

/// <summary>
/// The connection breaks, either before the server does anything or after it has done everything
/// but answer: the case where a client cannot know whether its delete was carried out.
/// </summary>
internal sealed class DropConnectionFault(bool afterProcessing)
    : Fault(
        afterProcessing ? FaultKind.DropConnectionAfterProcessing : FaultKind.DropConnectionBeforeProcessing,
        EmulatorRoute.All,
        afterProcessing ? "drop the connection after processing" : "drop the connection before processing")
{
    internal override async Task ApplyAsync(FaultContext context, Func<Task> next)
    {
        if (afterProcessing)
        {
            // Processed in full, the response held back and thrown away.
            await ResponseCapture.RunAsync(context.Http, next);
        }

        context.Http.Abort();
    }
}
