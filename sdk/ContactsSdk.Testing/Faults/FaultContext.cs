using ContactsSdk.Testing.Hosting;
using Microsoft.AspNetCore.Http;

namespace ContactsSdk.Testing.Faults;

/// <summary>The request a fault is applied to, and the emulator it runs in.</summary>
internal sealed record FaultContext(HttpContext Http, EmulatorRoute Route, EmulatorState State);
