using System;
using System.Threading.Tasks;

namespace ContactsSdk.Testing.Faults;

/// <summary>The request is processed normally and its response body rewritten before it is sent.</summary>
internal sealed class ResponseRewriteFault(
    FaultKind kind, EmulatorRoute applicableRoutes, string description, Func<byte[], byte[]> rewrite)
    : Fault(kind, applicableRoutes, description)
{
    internal override async Task ApplyAsync(FaultContext context, Func<Task> next)
    {
        var body = await ResponseCapture.RunAsync(context.Http, next);
        await ResponseCapture.SendAsync(context.Http, rewrite(body));
    }
}
