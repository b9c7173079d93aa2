using System;
using System.Threading.Tasks;
using ContactsSdk.Testing;
using ContactsSdk.Testing.Lifecycle;
using ContactsSdk.Testing.Time;
using Microsoft.Extensions.Configuration;

namespace ContactsSdk.Sample;

/// <summary>
/// Where the sample runs: the tenant named by configuration, or, when no credentials are
/// configured, a local emulator started in this process with a fast clock.
/// </summary>
internal sealed class SampleTarget : IAsyncDisposable
{
    /// <summary>Emulated seconds per real second: 14 restorable days pass in about six seconds.</summary>
    private const double EmulatorClockFactor = 200_000;

    /// <summary>
    /// The emulated delete phase. Marketing Cloud's takes hours to days; two days is several times
    /// the wait's longest poll interval (an hour), so the demo shows the phase in progress instead
    /// of jumping from Suppressed to Deleted.
    /// </summary>
    private static readonly TimeSpan EmulatorDeletePhase = TimeSpan.FromDays(2);

    /// <summary>The processing time of a delete call and the delete phase of the erasure commands' emulator, on the real clock.</summary>
    private static readonly TimeSpan ErasureEmulatorPhase = TimeSpan.FromSeconds(3);

    /// <summary>
    /// The processing time per contact of the erasure commands' emulator: a call of a hundred contacts
    /// takes a second longer than a call of one, so the queue's cost of many contacts shows in seconds.
    /// </summary>
    private static readonly TimeSpan ErasureEmulatorTimePerContact = TimeSpan.FromMilliseconds(10);

    private readonly MarketingCloudEmulator? _emulator;

    private SampleTarget(ContactsClientOptions options, TimeProvider time, MarketingCloudEmulator? emulator)
    {
        Options = options;
        Time = time;
        _emulator = emulator;
    }

    public ContactsClientOptions Options { get; }

    /// <summary>The clock the client waits on: the emulator's fast clock, or the real one.</summary>
    public TimeProvider Time { get; }

    public bool IsEmulator => _emulator is not null;

    /// <summary>The emulator this process started, or null against a real tenant.</summary>
    public MarketingCloudEmulator? Emulator => _emulator;

    public string Description => (_emulator, Options.EndpointOverride) switch
    {
        ({ TimeProvider: AcceleratedTimeProvider fast } emulator, _) => $"local emulator at {emulator.BaseAddress} (clock x{fast.Factor:N0})",
        ({ } emulator, _) => $"local emulator at {emulator.BaseAddress} (real clock, its operations kept beside the ledger)",
        (null, { } endpoint) => $"endpoint {endpoint}",
        _ => $"Marketing Cloud tenant '{Options.Subdomain}'",
    };

    /// <summary>The configured tenant, or else an in-process emulator with a fast clock for the demo.</summary>
    public static async Task<SampleTarget> CreateAsync()
    {
        if (Configured() is { } tenant)
        {
            return tenant;
        }

        // Marketing Cloud's delete queue with the emulator's assumed times (30 minutes a call plus 20 ms a
        // contact, about 9 ms of real time at this clock factor), unless the environment says otherwise.
        var queue = ReadEmulatorSettings();
        var clock = new AcceleratedTimeProvider(EmulatorClockFactor);
        return await StartEmulatorAsync(clock, new EmulatorOptions
        {
            TimeProvider = clock,
            DeleteQueueEnabled = queue.DeleteQueueEnabled ?? true,
            DeleteCallFixedTime = queue.DeleteCallFixedTime ?? EmulatorOptions.DefaultDeleteCallFixedTime,
            DeleteCallTimePerContact = queue.DeleteCallTimePerContact ?? EmulatorOptions.DefaultDeleteCallTimePerContact,
            // Tokens keep their real lifetime: compressed with the clock they would last 5.4 ms.
            TokenTimeProvider = TimeProvider.System,
            DeletePhaseDuration = EmulatorDeletePhase,
            // One contact key containing "restore" shows the Aborted ending in the demo.
            OutcomeSelector = request => request.Keys.Count > 0 && request.Keys[0].Contains("restore", StringComparison.OrdinalIgnoreCase)
                ? DeleteOutcome.Aborted
                : DeleteOutcome.Completed,
        });
    }

    /// <summary>
    /// The configured tenant, or else an in-process emulator for the erasure commands whose operations
    /// persist in <paramref name="emulatorStatePath"/>. It runs on the real clock, as the erasure
    /// workflow does (its reconciliation compares the two clocks' times), with no restorable period, a
    /// delete queue whose calls take seconds and a short delete phase, so an erasure ends in seconds.
    /// </summary>
    public static async Task<SampleTarget> CreateForErasureAsync(string emulatorStatePath)
    {
        if (Configured() is { } tenant)
        {
            return tenant;
        }

        var queue = ReadEmulatorSettings();
        return await StartEmulatorAsync(TimeProvider.System, new EmulatorOptions
        {
            StatePath = emulatorStatePath,
            NumberOfRestorableDays = 0,
            DeleteQueueEnabled = queue.DeleteQueueEnabled ?? true,
            DeleteCallFixedTime = queue.DeleteCallFixedTime ?? ErasureEmulatorPhase,
            DeleteCallTimePerContact = queue.DeleteCallTimePerContact ?? ErasureEmulatorTimePerContact,
            // The Pending time of a deletion without the queue.
            PendingDuration = ErasureEmulatorPhase,
            DeletePhaseDuration = ErasureEmulatorPhase,
            OutcomeSelector = request => request.Keys.Count > 0 && request.Keys[0].Contains("restore", StringComparison.OrdinalIgnoreCase)
                ? DeleteOutcome.Aborted
                : DeleteOutcome.Completed,
        });
    }

    private static IConfiguration Configuration() =>
        new ConfigurationBuilder()
            .AddUserSecrets<SampleTarget>(optional: true)
            .AddEnvironmentVariables()
            .Build();

    /// <summary>
    /// The erasure workflow's options from the environment or user secrets (<c>Erasure__MaxContactsPerDeleteRequest</c>,
    /// <c>Erasure__Deadlines__CheckInterval</c>, …), bound by <c>AddContactsErasure</c> and checked there.
    /// </summary>
    public static IConfiguration ErasureSettings() => Configuration().GetSection("Erasure");

    private static SampleEmulatorSettings ReadEmulatorSettings() => SampleEmulatorSettings.Read(Configuration());

    private static SampleTarget? Configured()
    {
        var configuration = Configuration().GetSection(ContactsClientOptions.DefaultSectionName);

        var configured = configuration.Get<ContactsClientOptions>();
        // Validation happens in the client; a half-filled configuration gets its messages there.
        return configured is { ClientId.Length: > 0 } || configured is { ClientSecret.Length: > 0 } || configured is { Subdomain.Length: > 0 }
            ? new SampleTarget(configured, TimeProvider.System, null)
            : null;
    }

    private static async Task<SampleTarget> StartEmulatorAsync(TimeProvider clock, EmulatorOptions emulatorOptions)
    {
        var emulator = await MarketingCloudEmulator.StartAsync(emulatorOptions);
        var options = new ContactsClientOptions
        {
            EndpointOverride = emulator.BaseAddress,
            ClientId = emulator.Credentials.ClientId,
            ClientSecret = emulator.Credentials.ClientSecret,
            AccountId = new AccountId(emulator.Credentials.AccountId),
        };
        return new SampleTarget(options, clock, emulator);
    }

    public async ValueTask DisposeAsync()
    {
        if (_emulator is not null)
        {
            await _emulator.DisposeAsync();
        }
    }
}
