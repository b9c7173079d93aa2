using System;
using System.CommandLine;
using ContactsSdk.Emulator.Host;
using ContactsSdk.Testing;
using ContactsSdk.Testing.Time;

var settings = new HostSettings();
var root = new RootCommand(
    "A local Salesforce Marketing Cloud for tests: the token route and the Contacts deletion, analytics and " +
    "restriction routes on 127.0.0.1, with the built-in credentials printed at start.");
settings.AddTo(root);
root.SetAction(result =>
{
    var factor = result.GetValue(settings.ClockFactor);
    var options = new EmulatorOptions
    {
        Port = result.GetValue(settings.Port),
        TimeProvider = factor == 1 ? TimeProvider.System : new AcceleratedTimeProvider(factor),
        // A token lives its real 1080 s whatever the clock factor.
        TokenTimeProvider = TimeProvider.System,
        NumberOfRestorableDays = result.GetValue(settings.RestorableDays),
        DeletePhaseDuration = result.GetValue(settings.DeletePhase),
        DeleteQueueEnabled = !result.GetValue(settings.NoDeleteQueue),
        DeleteCallFixedTime = result.GetValue(settings.DeleteCallTime),
        DeleteCallTimePerContact = result.GetValue(settings.DeleteCallTimePerContact),
    };
    return EmulatorHost.RunAsync(options, result.GetValue(settings.Verbose), Console.Out, Console.Error);
});

var parsed = root.Parse(args);
if (parsed.Errors.Count > 0)
{
    foreach (var error in parsed.Errors)
    {
        Console.Error.WriteLine("error: " + error.Message);
    }

    Console.Error.WriteLine("Run with --help to see the options.");
    return 2;
}

// Stop signals are handled by the host itself (StopSignals), which exits 0 once the server stopped.
return await parsed.InvokeAsync(new InvocationConfiguration { ProcessTerminationTimeout = null });
