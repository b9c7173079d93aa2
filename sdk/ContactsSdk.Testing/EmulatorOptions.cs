using System;
using System.Collections.Generic;
using ContactsSdk.Testing.Lifecycle;
using Microsoft.Extensions.Logging;

namespace ContactsSdk.Testing;

/// <summary>
/// How an emulator behaves. Every property has a default (the <c>Default…</c> constants), so
/// <c>new EmulatorOptions()</c> gives a working emulator on the real clock.
/// </summary>
public sealed class EmulatorOptions
{
    /// <summary>Default <see cref="ClientId"/>.</summary>
    public static readonly string DefaultClientId = "emulator-client-id";

    /// <summary>Default <see cref="ClientSecret"/>. Not a secret: the emulator only runs locally.</summary>
    public static readonly string DefaultClientSecret = "emulator-client-secret";

    /// <summary>Default <see cref="AccountId"/> (the MID reported as <c>eID</c> and <c>mID</c>).</summary>
    public static long DefaultAccountId { get; } = 100012345;

    /// <summary>Default <see cref="GrantedScope"/>: read and write access to contact deletion.</summary>
    public static readonly string DefaultGrantedScope = "list_and_subscribers_read list_and_subscribers_write";

    /// <summary>Default <see cref="NumberOfRestorableDays"/>, as in the route document's examples.</summary>
    public static readonly int DefaultNumberOfRestorableDays = 14;

    /// <summary>Default <see cref="RateLimitWindow"/>.</summary>
    public static readonly TimeSpan DefaultRateLimitWindow = TimeSpan.FromMinutes(1);

    /// <summary>Default <see cref="TokenLifetime"/>: the <c>expires_in</c> Marketing Cloud reports, 1080 s.</summary>
    public static readonly TimeSpan DefaultTokenLifetime = TimeSpan.FromSeconds(1080);

    /// <summary>
    /// Default <see cref="ServerUtcOffset"/>: Marketing Cloud's system time is US Central Standard
    /// Time all year round. Any offset other than the test machine's own exposes code that reads
    /// offset-less timestamps in the local time zone.
    /// </summary>
    public static readonly TimeSpan DefaultServerUtcOffset = TimeSpan.FromHours(-6);

    /// <summary>Default <see cref="PendingDuration"/>.</summary>
    public static readonly TimeSpan DefaultPendingDuration = TimeSpan.FromMinutes(1);

    /// <summary>Default <see cref="DeletePhaseDuration"/>.</summary>
    public static readonly TimeSpan DefaultDeletePhaseDuration = TimeSpan.FromMinutes(10);

    /// <summary>
    /// Default <see cref="DeleteCallFixedTime"/>: an assumption, half an hour, the low end of what the
    /// documentation's "each process can take several hours" and practitioners' reports suggest.
    /// </summary>
    public static readonly TimeSpan DefaultDeleteCallFixedTime = TimeSpan.FromMinutes(30);

    /// <summary>
    /// Default <see cref="DeleteCallTimePerContact"/>: an assumption, 20 ms, so that a call of 50,000
    /// contacts takes about 47 minutes and one of a million, the documented maximum, about 6 hours.
    /// </summary>
    public static readonly TimeSpan DefaultDeleteCallTimePerContact = TimeSpan.FromMilliseconds(20);

    /// <summary>The longest <see cref="DeleteCallFixedTime"/> the emulator accepts.</summary>
    public static readonly TimeSpan MaxDeleteCallFixedTime = TimeSpan.FromDays(7);

    /// <summary>
    /// The longest <see cref="DeleteCallTimePerContact"/> the emulator accepts: with it, the largest body
    /// the server reads still gives a call of weeks, not one that runs past the end of the calendar.
    /// </summary>
    public static readonly TimeSpan MaxDeleteCallTimePerContact = TimeSpan.FromSeconds(1);

    /// <summary>Default <see cref="BackgroundOperationsPerDeletion"/>: one entry, as in the route document's examples.</summary>
    public static readonly int DefaultBackgroundOperationsPerDeletion = 1;

    /// <summary>The most <see cref="BackgroundOperationsPerDeletion"/> the emulator accepts.</summary>
    public static readonly int MaxBackgroundOperationsPerDeletion = 100;

    /// <summary>Default <see cref="FaultSeed"/>: fixed, so that probabilistic fault rules replay identically.</summary>
    public static readonly int DefaultFaultSeed = 1080;

    /// <summary>The client ID the token route accepts.</summary>
    public string ClientId { get; init; } = DefaultClientId;

    /// <summary>The client secret the token route accepts. It never appears in a response or a log.</summary>
    public string ClientSecret { get; init; } = DefaultClientSecret;

    /// <summary>The MID of the business unit: the accepted <c>account_id</c>, and <c>eID</c>/<c>mID</c> of operations.</summary>
    public long AccountId { get; init; } = DefaultAccountId;

    /// <summary>The space-separated scopes a token carries when the request names none.</summary>
    public string GrantedScope { get; init; } = DefaultGrantedScope;

    /// <summary>How long an access token is valid, on <see cref="TokenTimeProvider"/>.</summary>
    public TimeSpan TokenLifetime { get; init; } = DefaultTokenLifetime;

    /// <summary>
    /// The clock token lifetimes run on; null (the default) means <see cref="TimeProvider"/>. An
    /// accelerated emulator clock compresses tokens with everything else (at 200,000x, 1080 s is
    /// 5.4 ms of real time, shorter than a request on a loaded machine): give such an emulator
    /// <see cref="System.TimeProvider.System"/> here, so that deletions run fast while tokens live
    /// their real lifetime.
    /// </summary>
    public TimeProvider? TokenTimeProvider { get; init; }

    /// <summary>
    /// The emulator clock. Tests pass a <c>FakeTimeProvider</c>; the sample passes an
    /// <see cref="Time.AcceleratedTimeProvider"/> so that days pass in seconds.
    /// </summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>
    /// The UTC offset of the server's wall clock. Operation timestamps are written in this wall
    /// time without an offset; <c>responseDateTime</c> is written with it.
    /// </summary>
    public TimeSpan ServerUtcOffset { get; init; } = DefaultServerUtcOffset;

    /// <summary>
    /// Days the suppressed contacts stay restorable before the delete phase starts: the account's
    /// setting until a configSettings request changes it for later deletions. A day is a day of the
    /// emulator clock, so an accelerated or fake clock compresses the period.
    /// </summary>
    public int NumberOfRestorableDays { get; init; } = DefaultNumberOfRestorableDays;

    /// <summary>
    /// How long an operation's <c>status</c> stays <c>Pending</c>: a restriction's before processing is
    /// restricted, and a deletion's before its suppression completes when <see cref="DeleteQueueEnabled"/>
    /// is false (with the queue, a deletion is Pending until its call has been processed).
    /// </summary>
    public TimeSpan PendingDuration { get; init; } = DefaultPendingDuration;

    /// <summary>How long the delete phase reports <c>Processing</c> before its outcome.</summary>
    public TimeSpan DeletePhaseDuration { get; init; } = DefaultDeletePhaseDuration;

    /// <summary>
    /// Whether the account's delete calls wait in one queue and are processed one at a time, in
    /// arrival order (operation ID order), as Marketing Cloud's delete route documentation describes:
    /// "The queue processes only one deletion call at a time". True by default. While a call waits or
    /// is processed, <c>operation.status</c> is Pending; its suppression, and the restorable days,
    /// start when its processing ends, after <see cref="DeleteCallFixedTime"/> plus
    /// <see cref="DeleteCallTimePerContact"/> for each contact it names. False gives every deletion
    /// its own <see cref="PendingDuration"/> from its creation, all of them in parallel: for tests
    /// that do not care about the queue.
    /// </summary>
    public bool DeleteQueueEnabled { get; init; } = true;

    /// <summary>
    /// With <see cref="DeleteQueueEnabled"/>, the part of a delete call's processing time that does not
    /// depend on its size, on the emulator clock. A list-reference call, whose contacts the emulator
    /// cannot count, takes this time alone.
    /// </summary>
    public TimeSpan DeleteCallFixedTime { get; init; } = DefaultDeleteCallFixedTime;

    /// <summary>
    /// With <see cref="DeleteQueueEnabled"/>, the processing time a delete call takes for each contact
    /// key or ID it names, on the emulator clock.
    /// </summary>
    public TimeSpan DeleteCallTimePerContact { get; init; } = DefaultDeleteCallTimePerContact;

    /// <summary>
    /// How many entries a deletion's <c>backgroundOperationsSummary</c> lists in its delete phase: one
    /// background operation per batch of the deletion. They finish one after another across
    /// <see cref="DeletePhaseDuration"/>, the entry listed last first and the first one last; the first
    /// ends with the deletion's outcome (<see cref="OutcomeSelector"/>) and the others Completed. So a
    /// summary can list entries that finished next to ones still Processing, as clients must handle.
    /// </summary>
    public int BackgroundOperationsPerDeletion { get; init; } = DefaultBackgroundOperationsPerDeletion;

    /// <summary>Chooses how each operation's delete phase ends. By default every deletion completes.</summary>
    public Func<EmulatedDeleteRequest, DeleteOutcome> OutcomeSelector { get; init; } = static _ => DeleteOutcome.Completed;

    /// <summary>
    /// The most requests the Contacts routes accept per <see cref="RateLimitWindow"/>; further requests
    /// get 429 with errorcode 50100 and a Retry-After header. Null (the default) means no limit.
    /// </summary>
    public int? RateLimitMaxRequests { get; init; }

    /// <summary>The fixed window of the rate limit, on the emulator clock.</summary>
    public TimeSpan RateLimitWindow { get; init; } = DefaultRateLimitWindow;

    /// <summary>Seed of the random source that probabilistic fault rules draw from.</summary>
    public int FaultSeed { get; init; } = DefaultFaultSeed;

    /// <summary>Receives the emulator's own log (tokens issued, operations created, faults injected). Optional.</summary>
    public ILoggerFactory? LoggerFactory { get; init; }

    /// <summary>
    /// A file that keeps the emulator's operations (deletions with their runs, restrictions, the ID
    /// sequence and the restorable-days setting) across processes. Null (the default) keeps them in
    /// memory only. When set, an emulator started with the file continues where the last one stopped,
    /// even one killed without warning: the file is replaced atomically after every change and before
    /// the response reporting it. It holds contact keys in clear, as Marketing Cloud itself does. Give
    /// a restarted emulator a clock that continues the earlier one's, or the lifecycle jumps.
    /// </summary>
    public string? StatePath { get; init; }

    /// <summary>
    /// The contacts the email address search route finds, by email address. Empty by default: every
    /// address is then reported as matching no contact.
    /// </summary>
    /// <example><c>Contacts = [new EmulatedContact("0034x00001AbCdEAAV", "jane.doe@example.com", createdAt)]</c></example>
    public IReadOnlyList<EmulatedContact> Contacts { get; init; } = [];

    /// <summary>
    /// Contact keys whose delete requests the service refuses (HTTP 200, a <c>resultMessages</c> error,
    /// no operation): a whole request is refused when it carries any of them. Marketing Cloud documents
    /// no such cause; the emulator lets a test name one, to check how a client isolates the contact that
    /// makes a shared request fail. Empty by default.
    /// </summary>
    public IReadOnlySet<string> RefusedContactKeys { get; init; } = new HashSet<string>();

    /// <summary>How the email address search reports an address without contacts (both shapes are documented).</summary>
    public EmailSearchNoMatch EmailSearchNoMatch { get; init; } = EmailSearchNoMatch.EmptyContactKeyDetail;

    /// <summary>The loopback port to listen on; 0 (the default) picks a free one.</summary>
    public int Port { get; init; }

    /// <summary>Throws when a setting cannot work, naming the setting.</summary>
    internal void Validate()
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(ClientId, nameof(ClientId));
        ArgumentException.ThrowIfNullOrWhiteSpace(ClientSecret, nameof(ClientSecret));
        ArgumentNullException.ThrowIfNull(GrantedScope, nameof(GrantedScope));
        ArgumentNullException.ThrowIfNull(TimeProvider, nameof(TimeProvider));
        ArgumentNullException.ThrowIfNull(OutcomeSelector, nameof(OutcomeSelector));
        ArgumentNullException.ThrowIfNull(Contacts, nameof(Contacts));
        foreach (var contact in Contacts)
        {
            // Never the address itself in the message: it is personal data.
            ArgumentNullException.ThrowIfNull(contact, nameof(Contacts));
            ArgumentException.ThrowIfNullOrWhiteSpace(contact.ContactKey, nameof(Contacts));
            ArgumentException.ThrowIfNullOrWhiteSpace(contact.EmailAddress, nameof(Contacts));
        }
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(TokenLifetime, TimeSpan.Zero, nameof(TokenLifetime));
        ArgumentOutOfRangeException.ThrowIfNegative(NumberOfRestorableDays, nameof(NumberOfRestorableDays));
        ArgumentOutOfRangeException.ThrowIfLessThan(PendingDuration, TimeSpan.Zero, nameof(PendingDuration));
        ArgumentOutOfRangeException.ThrowIfLessThan(DeletePhaseDuration, TimeSpan.Zero, nameof(DeletePhaseDuration));
        ArgumentOutOfRangeException.ThrowIfLessThan(DeleteCallFixedTime, TimeSpan.Zero, nameof(DeleteCallFixedTime));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(DeleteCallFixedTime, MaxDeleteCallFixedTime, nameof(DeleteCallFixedTime));
        ArgumentOutOfRangeException.ThrowIfLessThan(DeleteCallTimePerContact, TimeSpan.Zero, nameof(DeleteCallTimePerContact));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(DeleteCallTimePerContact, MaxDeleteCallTimePerContact, nameof(DeleteCallTimePerContact));
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(RateLimitWindow, TimeSpan.Zero, nameof(RateLimitWindow));
        ArgumentOutOfRangeException.ThrowIfLessThan(BackgroundOperationsPerDeletion, 1, nameof(BackgroundOperationsPerDeletion));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(BackgroundOperationsPerDeletion, MaxBackgroundOperationsPerDeletion, nameof(BackgroundOperationsPerDeletion));
        if (RateLimitMaxRequests is { } max)
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(max, 1, nameof(RateLimitMaxRequests));
        }

        if (StatePath is not null)
        {
            ArgumentException.ThrowIfNullOrWhiteSpace(StatePath, nameof(StatePath));
        }

        ArgumentOutOfRangeException.ThrowIfNegative(Port, nameof(Port));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(Port, 65535, nameof(Port));

        // DateTimeOffset only accepts whole minutes within ±14 hours.
        if (ServerUtcOffset.Ticks % TimeSpan.TicksPerMinute != 0 || ServerUtcOffset.Duration() > TimeSpan.FromHours(14))
        {
            throw new ArgumentOutOfRangeException(
                nameof(ServerUtcOffset), ServerUtcOffset, "The server offset must be whole minutes within ±14 hours.");
        }
    }
}
