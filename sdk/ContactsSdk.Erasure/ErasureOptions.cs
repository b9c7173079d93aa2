using System;
using System.Collections.Generic;
using System.Linq;
using ContactsSdk.Erasure.Evidence;
using ContactsSdk.Erasure.Storage;
using Quartz;

namespace ContactsSdk.Erasure;

/// <summary>
/// How the erasure workflow runs: where the ledger lives (one call: <c>o.UseSqlite("erasure.db")</c>),
/// the key of the subject hashes, and how often erasures are looked at. Defaults are the <c>Default…</c> constants.
/// </summary>
public sealed class ErasureOptions
{
    /// <summary>The shortest subject-hash key accepted, in bytes.</summary>
    public const int MinimumSubjectHashKeyLength = 32;

    /// <summary>Default <see cref="FirstPollDelay"/>.</summary>
    public static readonly TimeSpan DefaultFirstPollDelay = TimeSpan.FromMinutes(1);

    /// <summary>Default <see cref="MaxPollInterval"/>: a deletion takes days; polling more often wastes the account's API quota.</summary>
    public static readonly TimeSpan DefaultMaxPollInterval = TimeSpan.FromHours(1);

    /// <summary>Default <see cref="SendSlotRetryDelay"/>.</summary>
    public static readonly TimeSpan DefaultSendSlotRetryDelay = TimeSpan.FromSeconds(5);

    /// <summary>Default <see cref="ReconcileSettleTime"/>.</summary>
    public static readonly TimeSpan DefaultReconcileSettleTime = TimeSpan.FromMinutes(5);

    /// <summary>Default <see cref="RetryDelay"/>.</summary>
    public static readonly TimeSpan DefaultRetryDelay = TimeSpan.FromMinutes(1);

    /// <summary>
    /// Default <see cref="MaxContactsPerDeleteRequest"/>: Marketing Cloud accepts up to one million
    /// contacts a request, but practitioners report trouble near 100,000 and send about 50,000.
    /// </summary>
    public static readonly int DefaultMaxContactsPerDeleteRequest = 50_000;

    /// <summary>Default <see cref="MaxDeleteRequestsInQueue"/>: the next request waits until the previous one was processed.</summary>
    public static readonly int DefaultMaxDeleteRequestsInQueue = 1;

    /// <summary>
    /// Default <see cref="QueueCheckInterval"/>: short next to a call's processing (half an hour to hours),
    /// so the next request follows within minutes, for about a dozen status reads an hour per MID.
    /// </summary>
    public static readonly TimeSpan DefaultQueueCheckInterval = TimeSpan.FromMinutes(5);

    /// <summary>
    /// Default <see cref="WakeupCheckInterval"/>: a wake-up lost despite every precaution (a job store
    /// edited by hand, a write that failed) costs at most this much delay.
    /// </summary>
    public static readonly TimeSpan DefaultWakeupCheckInterval = TimeSpan.FromMinutes(15);

    /// <summary>The shortest <see cref="WakeupCheckInterval"/> accepted: each check pages through every active erasure.</summary>
    public static readonly TimeSpan MinWakeupCheckInterval = TimeSpan.FromSeconds(1);

    /// <summary>Default <see cref="SubjectHashKeyId"/>.</summary>
    public const string DefaultSubjectHashKeyId = "default";

    internal LedgerStoreRegistration? Store { get; private set; }

    /// <summary>
    /// The current secret key of the subject hashes (HMAC-SHA256, at least <see cref="MinimumSubjectHashKeyLength"/>
    /// bytes): new erasures hash their subjects with it. Unless <see cref="LedgerChainKeyId"/> names another
    /// key, the ledger's hash chain is keyed from it too. Keep it outside the ledger's database: whoever
    /// holds both could test guesses of an identifier against a receipt. Required.
    /// </summary>
    public byte[]? SubjectHashKey { get; set; }

    /// <summary>A name for <see cref="SubjectHashKey"/>, written in every receipt so a rotated key can be found again.</summary>
    public string SubjectHashKeyId { get; set; } = DefaultSubjectHashKeyId;

    /// <summary>
    /// The subject-hash keys used before a rotation, by ID: a repeated submission of an older erasure is
    /// checked against its subjects with the key it was recorded under. Their receipts keep naming them.
    /// </summary>
    public IDictionary<string, byte[]> RetiredSubjectHashKeys { get; } = new Dictionary<string, byte[]>(StringComparer.Ordinal);

    /// <summary>
    /// The ID of the subject-hash key the ledger's hash chain is keyed from (its derived chain key links
    /// every entry); null for <see cref="SubjectHashKeyId"/>. After a rotation, keep naming the key the
    /// ledger was started with (it stays in <see cref="RetiredSubjectHashKeys"/>): the chain's key does not
    /// rotate with the subject hashes, so entries old and new verify alike. What an auditor relies on
    /// without any secret is the signed digests (<see cref="DigestSigningKeys"/>).
    /// </summary>
    public string? LedgerChainKeyId { get; set; }

    /// <summary>Every subject-hash key by ID: the current one and the retired ones.</summary>
    internal IReadOnlyDictionary<string, byte[]> SubjectHashKeyRing =>
        new Dictionary<string, byte[]>(RetiredSubjectHashKeys, StringComparer.Ordinal) { [SubjectHashKeyId] = SubjectHashKey! };

    /// <summary>
    /// The digest key ring: ECDSA P-256 keys that sign the ledger's digests (<see cref="IErasureService.IssueDigestAsync"/>).
    /// Keep the keys of earlier digests here after a rotation (their public part is enough) so the
    /// digests and receipt evidence they signed keep verifying. Without a key that can sign, no digest
    /// is issued and receipts cannot be exported as standalone evidence.
    /// </summary>
    public IList<DigestSigningKey> DigestSigningKeys { get; } = new List<DigestSigningKey>();

    /// <summary>
    /// The ID of the key in <see cref="DigestSigningKeys"/> that signs new digests; null when only one key can sign
    /// (it is then the current one).
    /// </summary>
    public string? CurrentDigestSigningKeyId { get; set; }

    /// <summary>
    /// How often a worker issues a digest of the ledger and hands it to every registered
    /// <see cref="IErasureDigestSink"/> (and writes it to the log); null never does. Needs a signing key.
    /// </summary>
    public TimeSpan? DigestInterval { get; set; } = DefaultDigestInterval;

    /// <summary>Default <see cref="DigestInterval"/>: one a day bounds what an insider could rewrite unseen to a day's entries.</summary>
    public static readonly TimeSpan DefaultDigestInterval = TimeSpan.FromDays(1);

    /// <summary>The wait between an accepted deletion and its first status read (then doubled up to <see cref="MaxPollInterval"/>).</summary>
    public TimeSpan FirstPollDelay { get; set; } = DefaultFirstPollDelay;

    /// <summary>The longest wait between two status reads of one erasure.</summary>
    public TimeSpan MaxPollInterval { get; set; } = DefaultMaxPollInterval;

    /// <summary>
    /// Whether accepted erasures are followed together (the default): once per <see cref="MaxPollInterval"/>
    /// one sweep of the analytics delete-requests route, a request per thousand deletions, shows which
    /// deletions have finished, and only those erasures read their status. Off, every erasure reads its
    /// own status on its own schedule (a few hundred requests over a 14-day deletion).
    /// </summary>
    public bool BatchedTracking { get; set; } = true;

    /// <summary>
    /// The most contacts one delete request carries. Erasures ready to send for the same MID and subject
    /// kind ride one request up to this many contacts (an erasure with more rides alone).
    /// </summary>
    public int MaxContactsPerDeleteRequest { get; set; } = DefaultMaxContactsPerDeleteRequest;

    /// <summary>
    /// How many of this application's delete requests per MID may wait or run in Marketing Cloud's delete
    /// queue at once. The queue processes one call at a time, so a request sent while another waits only
    /// lengthens it; erasures that arrive meanwhile ride the next request instead.
    /// </summary>
    public int MaxDeleteRequestsInQueue { get; set; } = DefaultMaxDeleteRequestsInQueue;

    /// <summary>
    /// The longest wait between two status reads of a request still in Marketing Cloud's delete queue:
    /// how late, at worst, the next request leaves after the previous one was processed.
    /// </summary>
    public TimeSpan QueueCheckInterval { get; set; } = DefaultQueueCheckInterval;

    /// <summary>How long an erasure waits before trying again when another erasure's delete request is in flight.</summary>
    public TimeSpan SendSlotRetryDelay { get; set; } = DefaultSendSlotRetryDelay;

    /// <summary>
    /// How long after the intent to send a request must be absent from the analytics route before it
    /// counts as not received (the route may list a request with some delay).
    /// </summary>
    public TimeSpan ReconcileSettleTime { get; set; } = DefaultReconcileSettleTime;

    /// <summary>The wait after a failure that may pass (a 429, a dropped connection, an unreachable ledger).</summary>
    public TimeSpan RetryDelay { get; set; } = DefaultRetryDelay;

    /// <summary>How legal deadlines are watched: the check interval and the assumptions of the projection.</summary>
    public DeadlineOptions Deadlines { get; } = new();

    /// <summary>
    /// How often the workers check that every active erasure has its wake-up in Quartz's store, and
    /// restore any that is missing (each worker also checks once at start). At least
    /// <see cref="MinWakeupCheckInterval"/>.
    /// </summary>
    public TimeSpan WakeupCheckInterval { get; set; } = DefaultWakeupCheckInterval;

    /// <summary>
    /// Chooses the ledger store and the matching Quartz job store. Store packages wrap this in a
    /// one-line extension (<c>UseSqlite</c>, <c>UsePostgres</c>).
    /// </summary>
    /// <param name="createStore">Creates the ledger store (called once; the store is a singleton).</param>
    /// <param name="configureJobStore">Points Quartz's persistent job store at the same database.</param>
    public ErasureOptions UseStore(Func<IServiceProvider, IErasureLedgerStore> createStore, Action<IPersistentStoreBuilder> configureJobStore)
    {
        ArgumentNullException.ThrowIfNull(createStore);
        ArgumentNullException.ThrowIfNull(configureJobStore);
        Store = new LedgerStoreRegistration(createStore, configureJobStore);
        return this;
    }

    /// <summary>Throws when the options cannot work, naming the option.</summary>
    internal void Validate()
    {
        if (Store is null)
        {
            throw new InvalidOperationException("No erasure ledger store is chosen: call UseSqlite(path) (or another store's Use… method) in AddContactsErasure.");
        }
        if (SubjectHashKey is not { Length: >= MinimumSubjectHashKeyLength })
        {
            throw new InvalidOperationException($"{nameof(SubjectHashKey)} must be a secret of at least {MinimumSubjectHashKeyLength} bytes.");
        }
        if (string.IsNullOrWhiteSpace(SubjectHashKeyId))
        {
            throw new InvalidOperationException($"{nameof(SubjectHashKeyId)} must not be empty.");
        }
        if (RetiredSubjectHashKeys.ContainsKey(SubjectHashKeyId))
        {
            throw new InvalidOperationException($"The current subject-hash key '{SubjectHashKeyId}' is also among {nameof(RetiredSubjectHashKeys)}: a new key needs a new ID.");
        }
        if (RetiredSubjectHashKeys.FirstOrDefault(k => k.Value is not { Length: >= MinimumSubjectHashKeyLength }).Key is { } shortKey)
        {
            throw new InvalidOperationException($"The retired subject-hash key '{shortKey}' must be a secret of at least {MinimumSubjectHashKeyLength} bytes.");
        }
        if (LedgerChainKeyId is { } chainKeyId && chainKeyId != SubjectHashKeyId && !RetiredSubjectHashKeys.ContainsKey(chainKeyId))
        {
            throw new InvalidOperationException($"{nameof(LedgerChainKeyId)} names '{chainKeyId}', which is neither the current nor a retired subject-hash key.");
        }
        RequirePositive(FirstPollDelay, nameof(FirstPollDelay));
        RequirePositive(MaxPollInterval, nameof(MaxPollInterval));
        RequirePositive(SendSlotRetryDelay, nameof(SendSlotRetryDelay));
        RequirePositive(RetryDelay, nameof(RetryDelay));
        RequirePositive(QueueCheckInterval, nameof(QueueCheckInterval));
        if (DigestInterval is { } digestInterval)
        {
            RequirePositive(digestInterval, nameof(DigestInterval));
        }
        if (MaxContactsPerDeleteRequest is < 1 or > 1_000_000)
        {
            throw new InvalidOperationException($"{nameof(MaxContactsPerDeleteRequest)} must be between 1 and 1,000,000 (Marketing Cloud's limit).");
        }
        if (MaxDeleteRequestsInQueue < 1)
        {
            throw new InvalidOperationException($"{nameof(MaxDeleteRequestsInQueue)} must be at least 1.");
        }
        if (WakeupCheckInterval < MinWakeupCheckInterval)
        {
            throw new InvalidOperationException($"{nameof(WakeupCheckInterval)} must be at least one second: each check reads every active erasure.");
        }
        if (ReconcileSettleTime < TimeSpan.Zero)
        {
            throw new InvalidOperationException($"{nameof(ReconcileSettleTime)} must not be negative.");
        }
        Deadlines.Validate();
        if (MaxPollInterval < FirstPollDelay)
        {
            throw new InvalidOperationException($"{nameof(MaxPollInterval)} must not be shorter than {nameof(FirstPollDelay)}.");
        }
    }

    private static void RequirePositive(TimeSpan value, string name)
    {
        if (value <= TimeSpan.Zero)
        {
            throw new InvalidOperationException($"{name} must be positive.");
        }
    }
}

/// <summary>The chosen ledger store and how Quartz's job store follows it.</summary>
internal sealed record LedgerStoreRegistration(Func<IServiceProvider, IErasureLedgerStore> CreateStore, Action<IPersistentStoreBuilder> ConfigureJobStore);
