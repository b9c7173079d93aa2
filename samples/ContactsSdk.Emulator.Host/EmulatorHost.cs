using System;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using ContactsSdk.Testing;
using ContactsSdk.Testing.Time;
using Microsoft.Extensions.Logging;

namespace ContactsSdk.Emulator.Host;

/// <summary>Runs one emulator until a stop signal, and says where it listens and how to reach it.</summary>
internal static class EmulatorHost
{
    public static async Task<int> RunAsync(EmulatorOptions options, bool verbose, TextWriter output, TextWriter error)
    {
        using var signals = new StopSignals();
        using var logging = verbose ? LoggerFactory.Create(builder => builder.AddSimpleConsole(console => console.SingleLine = true)) : null;
        MarketingCloudEmulator emulator;
        try
        {
            emulator = await MarketingCloudEmulator.StartAsync(
                new EmulatorOptions
                {
                    Port = options.Port,
                    TimeProvider = options.TimeProvider,
                    TokenTimeProvider = options.TokenTimeProvider,
                    NumberOfRestorableDays = options.NumberOfRestorableDays,
                    DeletePhaseDuration = options.DeletePhaseDuration,
                    DeleteQueueEnabled = options.DeleteQueueEnabled,
                    DeleteCallFixedTime = options.DeleteCallFixedTime,
                    DeleteCallTimePerContact = options.DeleteCallTimePerContact,
                    LoggerFactory = logging,
                },
                signals.Token);
        }
        catch (IOException ex)
        {
            // Kestrel's bind failure: the port is taken or not allowed.
            error.WriteLine($"error: cannot listen on 127.0.0.1:{options.Port}: {ex.Message}");
            return 1;
        }
        catch (OperationCanceledException)
        {
            output.WriteLine($"Stopped by {signals.Received} before listening.");
            return 0;
        }

        await using (emulator)
        {
            Describe(emulator, options, output);
            try
            {
                await Task.Delay(Timeout.Infinite, signals.Token);
            }
            catch (OperationCanceledException)
            {
                output.WriteLine($"Stopping ({signals.Received})…");
            }
        }

        output.WriteLine($"Stopped. The emulator served {emulator.Statistics.Snapshot().RequestsByRoute.Values.Sum()} request(s).");
        return 0;
    }

    private static void Describe(MarketingCloudEmulator emulator, EmulatorOptions options, TextWriter output)
    {
        var credentials = emulator.Credentials;
        var clock = emulator.TimeProvider is AcceleratedTimeProvider fast ? $"x{fast.Factor:0.###} (tokens keep real time)" : "real time";
        output.WriteLine($"Marketing Cloud emulator listening on {emulator.BaseAddress}");
        output.WriteLine($"  token route    {emulator.TokenEndpoint}");
        output.WriteLine($"  client ID      {credentials.ClientId}");
        // The emulator's built-in credentials are fixed, documented values, not secrets.
        output.WriteLine($"  client secret  {credentials.ClientSecret}");
        output.WriteLine($"  account ID     {credentials.AccountId}");
        output.WriteLine($"  clock          {clock}");
        output.WriteLine($"  delete queue   {DeleteQueue(options)}");
        output.WriteLine("Point ContactsSdk at it with MarketingCloud__EndpointOverride set to the address above.");
        output.WriteLine("Stop it with Ctrl+C or SIGTERM.");
        output.Flush();
    }

    private static string DeleteQueue(EmulatorOptions options) =>
        options.DeleteQueueEnabled
            ? string.Create(
                CultureInfo.InvariantCulture,
                $"one call at a time, each {options.DeleteCallFixedTime:c} + {options.DeleteCallTimePerContact:c} per contact")
            : "off (every call Pending for its own minute, in parallel)";
}
