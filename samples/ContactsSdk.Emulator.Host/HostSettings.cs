using System;
using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using ContactsSdk.Testing;

namespace ContactsSdk.Emulator.Host;

/// <summary>The host's options, each with the message a bad value gets, and the emulator options they make.</summary>
internal sealed class HostSettings
{
    /// <summary>The port when none is given: fixed, so scripts and other processes know where to look.</summary>
    public const int DefaultPort = 5005;

    public Option<int> Port { get; } = new("--port", "-p")
    {
        Description = "Loopback port to listen on (0 picks a free one).",
        DefaultValueFactory = _ => DefaultPort,
        CustomParser = ParsePort,
    };

    public Option<double> ClockFactor { get; } = new("--clock-factor")
    {
        Description = "How many emulated seconds pass per real second (200000 passes 14 days in about 6 s). Tokens keep their real lifetime.",
        DefaultValueFactory = _ => 1,
        CustomParser = ParseClockFactor,
    };

    public Option<int> RestorableDays { get; } = new("--restorable-days")
    {
        Description = "Days deletions stay restorable before their delete phase (until a configSettings request changes it).",
        DefaultValueFactory = _ => EmulatorOptions.DefaultNumberOfRestorableDays,
        CustomParser = ParseRestorableDays,
    };

    public Option<TimeSpan> DeletePhase { get; } = new("--delete-phase")
    {
        Description = "How long the delete phase reports Processing, as [d.]hh:mm:ss on the emulator clock.",
        DefaultValueFactory = _ => EmulatorOptions.DefaultDeletePhaseDuration,
        CustomParser = ParseDuration,
    };

    public Option<bool> NoDeleteQueue { get; } = new("--no-delete-queue")
    {
        Description = "Process every delete call from its arrival, in parallel, Pending for one minute, instead of one call at a time in arrival order.",
    };

    public Option<TimeSpan> DeleteCallTime { get; } = new("--delete-call-time")
    {
        Description = "The fixed part of a delete call's processing time in the queue, as [d.]hh:mm:ss on the emulator clock (at most 7 days).",
        DefaultValueFactory = _ => EmulatorOptions.DefaultDeleteCallFixedTime,
        CustomParser = result => ParseBoundedDuration(result, "--delete-call-time", "00:30:00", EmulatorOptions.MaxDeleteCallFixedTime),
    };

    public Option<TimeSpan> DeleteCallTimePerContact { get; } = new("--delete-call-time-per-contact")
    {
        Description = "The part of a delete call's processing time per contact it names, as hh:mm:ss.fff on the emulator clock (at most 1 second).",
        DefaultValueFactory = _ => EmulatorOptions.DefaultDeleteCallTimePerContact,
        CustomParser = result => ParseBoundedDuration(result, "--delete-call-time-per-contact", "00:00:00.020", EmulatorOptions.MaxDeleteCallTimePerContact),
    };

    public Option<bool> Verbose { get; } = new("--verbose", "-v")
    {
        Description = "Log every token issued, operation created and request refused (never a secret or a token).",
    };

    public void AddTo(Command command)
    {
        command.Add(Port);
        command.Add(ClockFactor);
        command.Add(RestorableDays);
        command.Add(DeletePhase);
        command.Add(NoDeleteQueue);
        command.Add(DeleteCallTime);
        command.Add(DeleteCallTimePerContact);
        command.Add(Verbose);
    }

    private static int ParsePort(ArgumentResult result)
    {
        var text = result.Tokens[0].Value;
        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var port) && port <= 65535)
        {
            return port;
        }

        result.AddError($"--port must be a whole number from 0 to 65535; '{text}' is not.");
        return 0;
    }

    private static double ParseClockFactor(ArgumentResult result)
    {
        var text = result.Tokens[0].Value;
        if (double.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var factor) && double.IsFinite(factor) && factor > 0)
        {
            return factor;
        }

        result.AddError($"--clock-factor must be a positive number; '{text}' is not.");
        return 1;
    }

    private static int ParseRestorableDays(ArgumentResult result)
    {
        var text = result.Tokens[0].Value;
        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var days) && days <= 3650)
        {
            return days;
        }

        result.AddError($"--restorable-days must be a whole number from 0 to 3650; '{text}' is not.");
        return 0;
    }

    private static TimeSpan ParseDuration(ArgumentResult result)
    {
        var text = result.Tokens[0].Value;
        if (TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out var duration) && duration >= TimeSpan.Zero)
        {
            return duration;
        }

        result.AddError($"--delete-phase must be a duration such as 00:10:00 or 2.00:00:00; '{text}' is not.");
        return TimeSpan.Zero;
    }

    private static TimeSpan ParseBoundedDuration(ArgumentResult result, string option, string example, TimeSpan max)
    {
        var text = result.Tokens[0].Value;
        if (TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out var duration) && duration >= TimeSpan.Zero && duration <= max)
        {
            return duration;
        }

        result.AddError($"{option} must be a duration from 0 to {max.ToString("c", CultureInfo.InvariantCulture)}, such as {example}; '{text}' is not.");
        return TimeSpan.Zero;
    }
}
