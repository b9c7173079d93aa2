using ContactsSdk.Emulator.Hosting;
using Microsoft.AspNetCore.Http;

namespace ContactsSdk.Emulator.Faults;

/// <summary>The request a fault is applied to, and the emulator it runs in.</summary>
internal sealed record FaultContext(HttpContext Http, EmulatorRoute Route, EmulatorState State);
