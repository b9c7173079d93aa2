using System;
using System.Collections.Generic;
using System.Linq;
using System.Runtime.ExceptionServices;
using System.Threading;
using System.Threading.Tasks;
using ContactsSdk.Erasure.Evidence;
using ContactsSdk.Erasure.Storage;
using ContactsSdk.Erasure.Storage.Sqlite;
using ContactsSdk.Erasure.Workflow;
using ContactsSdk.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using ContactsSdk.TestSupport;

namespace ContactsSdk.Erasure.Tests.Support;

/// <summary>
/// The erasure workflow against the emulator, both on one fake clock, with the ledger in a real SQLite
/// file. Steps are run directly (no scheduler thread), and the clock jumps to each next step's time,
/// so a 14-day erasure takes milliseconds.
/// </summary>
internal sealed class ErasureHarness : IAsyncDisposable
{
    public static readonly byte[] TestKey = "test-subject-hash-key-0123456789abcdef"u8.ToArray();

    /// <summary>The digest signing key every harness signs with (its public part checks the digests and evidence).</summary>
    public static readonly DigestSigningKey SigningKey = DigestSigningKey.Create("test-signing-1");

    private readonly TempDirectory _directory;
    private readonly ServiceProvider _services;

    private ErasureHarness(TempDirectory directory, FakeTimeProvider clock, MarketingCloudEmulator emulator, ServiceProvider services)
    {
        _directory = directory;
        Clock = clock;
        Emulator = emulator;
        _services = services;
    }

    public FakeTimeProvider Clock { get; }

    public MarketingCloudEmulator Emulator { get; }

    public IErasureService Service => _services.GetRequiredService<IErasureService>();

    public IErasureLedgerStore Store => _services.GetRequiredService<IErasureLedgerStore>();

    public string DatabasePath => _directory.File("erasure.db");

    public static async Task<ErasureHarness> StartAsync(Func<TimeProvider, EmulatorOptions>? emulatorOptions = null, Action<ErasureOptions>? configure = null)
    {
        var directory = new TempDirectory();
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero));
        var emulator = await MarketingCloudEmulator.StartAsync(emulatorOptions?.Invoke(clock) ?? new EmulatorOptions { TimeProvider = clock });
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(clock);
        services.AddLogging();
        services.AddContactsSdk(o =>
        {
            o.ConnectTo(emulator);
            // The fake clock moves only when a test moves it: the retry policy's backoff takes no time
            // here, so a request failing on every try fails at once (a Retry-After still waits on the clock).
            o.Retry.Delay = TimeSpan.Zero;
        });
        services.AddContactsErasure(o =>
        {
            o.UseSqlite(directory.File("erasure.db"));
            o.SubjectHashKey = TestKey;
            o.DigestSigningKeys.Add(SigningKey);
            o.ReconcileSettleTime = TimeSpan.FromMinutes(5);
            configure?.Invoke(o);
        });
        var provider = services.BuildServiceProvider();
        await provider.GetRequiredService<IErasureLedgerStore>().MigrateAsync();
        return new ErasureHarness(directory, clock, emulator, provider);
    }

    /// <summary>
    /// Runs the erasure's steps, moving the clock to each next step, until it is closed. Other erasures
    /// a step wakes (the members and lead of a shared request, the next sender) run too when due, as
    /// the scheduler would run them.
    /// </summary>
    /// <param name="erasureId">The erasure.</param>
    /// <param name="tickWhileWaiting">
    /// Also move the clock on by a second every few milliseconds while a step runs: for steps that wait
    /// on the clock themselves (the client's retry after a 429).
    /// </param>
    /// <param name="maxSteps">The most wake-ups of <paramref name="erasureId"/> before giving up.</param>
    /// <param name="alongside">
    /// Other active erasures whose wake-ups the scheduler holds too, due now (Quartz keeps every active
    /// erasure's wake-up; this run otherwise knows only the ones its steps wake): the lead of a shared
    /// request an earlier run left half-way, for one, which its members wait for.
    /// </param>
    /// <returns>How many wake-ups of <paramref name="erasureId"/> it took.</returns>
    public async Task<int> RunToEndAsync(Guid erasureId, bool tickWhileWaiting = false, int maxSteps = 500, IEnumerable<Guid>? alongside = null)
    {
        var runner = _services.GetRequiredService<ErasureStepRunner>();
        var due = new Dictionary<Guid, DateTimeOffset> { [erasureId] = Clock.GetUtcNow() };
        foreach (var other in alongside ?? [])
        {
            due.TryAdd(other, Clock.GetUtcNow());
        }
        var steps = 0;
        while (steps < maxSteps)
        {
            var (next, at) = due.MinBy(d => (d.Value, d.Key != erasureId));
            due.Remove(next);
            steps += next == erasureId ? 1 : 0;
            if (at > Clock.GetUtcNow())
            {
                Clock.SetUtcNow(at);
            }
            var step = runner.AdvanceWhileDueAsync(next, CancellationToken.None);
            while (tickWhileWaiting && !step.IsCompleted)
            {
                await Task.WhenAny(step, Task.Delay(5));
                Clock.Advance(TimeSpan.FromSeconds(1));
            }
            var outcome = await step;
            if (outcome.Failure is { } failure)
            {
                // What the job would log and retry, a test sees: the step's own exception.
                ExceptionDispatchInfo.Throw(failure);
            }
            var following = outcome.Next;
            if (next == erasureId && following is null)
            {
                return steps;
            }
            if (following is { } then)
            {
                due[next] = then;
            }
            await AddWakeupsAsync(due, next, outcome);
        }
        throw new TimeoutException($"Erasure {erasureId} was not closed after {maxSteps} wake-ups.");
    }

    /// <summary>What the scheduler does with a step's effects: wake the erasures it names, and the next sender when the slot was handed on.</summary>
    private async Task AddWakeupsAsync(Dictionary<Guid, DateTimeOffset> due, Guid ran, StepOutcome outcome)
    {
        foreach (var (other, at) in outcome.Wakeups)
        {
            due[other] = due.TryGetValue(other, out var earlier) && earlier < at ? earlier : at;
        }
        if (outcome.HandsOnSendSlot && await SendQueue.NextSenderAsync(Store, CancellationToken.None) is { } sender && sender != ran)
        {
            due[sender] = Clock.GetUtcNow();
        }
    }

    /// <summary>
    /// Submits an erasure of one contact key and runs its steps until its deletion is accepted and its
    /// call has left Marketing Cloud's queue (the clock moved to the end of the call's processing and
    /// the lead's status read recorded it): from then on the delete-requests sweep follows it.
    /// </summary>
    public async Task<Guid> AcceptAsync(string requestId)
    {
        var record = await Service.SubmitAsync(new ErasureRequest(requestId, ErasureSubjects.ContactKeys([requestId + "-contact"])));
        for (var step = 0; step < 10 && record.State != ErasureState.Accepted; step++)
        {
            await StepAsync(record.ErasureId);
            record = (await Service.GetAsync(requestId))!;
        }
        if (record.State != ErasureState.Accepted || Emulator.FindOperation(record.OperationId ?? 0) is not { } operation)
        {
            throw new InvalidOperationException($"Erasure '{requestId}' was not accepted: it is {record.State}.");
        }
        if (Clock.GetUtcNow() < operation.SuppressionCompletesAt)
        {
            Clock.SetUtcNow(operation.SuppressionCompletesAt + TimeSpan.FromSeconds(1));
        }
        await StepAsync(record.ErasureId);
        return record.ErasureId;
    }

    /// <summary>A service of the workflow's container (the step runner, the sweep, ...).</summary>
    public T Get<T>() where T : notnull => _services.GetRequiredService<T>();

    /// <summary>Runs exactly one step; returns when the next is due (null once the erasure is closed).</summary>
    public async Task<DateTimeOffset?> StepAsync(Guid erasureId) =>
        (await _services.GetRequiredService<ErasureStepRunner>().AdvanceAsync(erasureId, CancellationToken.None)).Next;

    public async Task ExecuteSqlAsync(string sql)
    {
        await using var connection = new SqliteConnection(SqliteLedgerStore.ConnectionString(DatabasePath));
        await connection.OpenAsync();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        await Emulator.DisposeAsync();
        SqliteConnection.ClearAllPools();
        _directory.Dispose();
    }
}
