using System;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Threading;
using ContactsSdk.Testing.Lifecycle;

namespace ContactsSdk.Testing.Persistence;

/// <summary>
/// Keeps an emulator's operations in a file, so that a process killed at any moment and started again
/// finds the same deletions at the same point of their lifecycle (the sample's erasure commands rely
/// on it). The file is replaced atomically (written beside, flushed to disk, then renamed), before
/// the response that reports the change is sent, as a durable service would.
/// </summary>
internal sealed class EmulatorStateFile(string path)
{
    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter() },
    };

    private readonly Lock _gate = new();

    public string Path { get; } = path;

    public void Save(OperationIdSequence ids, DeletionSettings settings, OperationStore operations, RestrictionStore restrictions)
    {
        lock (_gate)
        {
            var saved = new SavedEmulator(
                SavedEmulator.CurrentVersion,
                ids.Last,
                settings.NumberOfRestorableDays,
                operations.Snapshot().Select(Save).ToArray(),
                restrictions.Snapshot().Select(Save).ToArray());
            var temporary = Path + ".tmp";
            using (var file = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None))
            {
                JsonSerializer.Serialize(file, saved, Json);
                file.Flush(flushToDisk: true);
            }

            File.Move(temporary, Path, overwrite: true);
        }
    }

    /// <summary>Restores a saved emulator into empty stores; does nothing when there is no file yet.</summary>
    /// <exception cref="InvalidDataException">The file is not a state file this emulator can read.</exception>
    public void Load(OperationIdSequence ids, DeletionSettings settings, OperationStore operations, RestrictionStore restrictions, LifecycleTimings timings)
    {
        if (!File.Exists(Path))
        {
            return;
        }

        var saved = Read();
        // In ID order, which is the queue's arrival order.
        foreach (var deletion in saved.Deletions.OrderBy(deletion => deletion.OperationId))
        {
            operations.Add(EmulatedOperation.Restore(
                deletion.OperationId, DeleteRequestOf(deletion.Request), deletion.RequestId, deletion.CreatedAt,
                deletion.NumberOfRestorableDays, timings, operations.Queue, RestoreCall(deletion, operations.Queue), deletion.Attempts));
        }

        foreach (var restriction in saved.Restrictions)
        {
            restrictions.Add(new EmulatedRestriction(
                restriction.OperationId, RestrictRequestOf(restriction.Request), restriction.RequestId, restriction.CreatedAt, timings.Pending));
        }

        settings.NumberOfRestorableDays = saved.NumberOfRestorableDays;
        ids.ContinueAfter(saved.LastOperationId);
    }

    private SavedEmulator Read()
    {
        SavedEmulator? saved;
        try
        {
            using var file = File.OpenRead(Path);
            saved = JsonSerializer.Deserialize<SavedEmulator>(file, Json);
        }
        catch (JsonException ex)
        {
            throw new InvalidDataException($"The emulator state file {Path} is not readable JSON ({ex.Message}); move it away to start a fresh emulator.", ex);
        }

        if (saved is null || saved.Version is not (SavedEmulator.CurrentVersion or SavedEmulator.VersionWithoutQueue)
            || saved.Deletions is null || saved.Restrictions is null
            || saved.Deletions.Any(deletion => deletion.Request is null || deletion.Attempts is not { Length: > 0 })
            || (saved.Version == SavedEmulator.CurrentVersion && saved.Deletions.Any(deletion => !HasCall(deletion))))
        {
            throw new InvalidDataException(
                $"The emulator state file {Path} is not a version {SavedEmulator.VersionWithoutQueue} or {SavedEmulator.CurrentVersion} state file; move it away to start a fresh emulator.");
        }

        return saved;
    }

    private static SavedDeletion Save(EmulatedOperation operation) => new(
        operation.OperationId, operation.RequestId, operation.CreatedAt, operation.NumberOfRestorableDays,
        new SavedRequest(
            operation.Request.Type, [.. operation.Request.Keys], [.. operation.Request.Ids], operation.Request.ListKey, operation.Request.ListTypeId,
            operation.Request.DeleteOperationType, operation.Request.DeleteListWhenCompleted, operation.Request.DeleteListContentsWhenCompleted),
        [.. operation.Attempts],
        operation.Call.Queued,
        operation.Call.ProcessingStartsAt,
        operation.Call.ProcessingEndsAt);

    private static bool HasCall(SavedDeletion deletion) =>
        deletion is { Queued: not null, ProcessingStartsAt: { } startsAt, SuppressionCompletesAt: { } endsAt } && startsAt <= endsAt;

    /// <summary>
    /// The call of a saved deletion. A version 1 file predates the queue: its call was processed from
    /// the deletion's creation until the suppression its first run records (the first run's delete
    /// phase starts the restorable days after it), whatever the pending time of this emulator.
    /// </summary>
    private static DeleteCall RestoreCall(SavedDeletion deletion, DeleteQueue queue) =>
        HasCall(deletion)
            ? queue.Restore(deletion.Queued!.Value, deletion.ProcessingStartsAt!.Value, deletion.SuppressionCompletesAt!.Value)
            : queue.Restore(false, deletion.CreatedAt, deletion.Attempts[0].DeletePhaseStartsAt - TimeSpan.FromDays(deletion.NumberOfRestorableDays));

    private static SavedRestriction Save(EmulatedRestriction restriction) => new(
        restriction.OperationId, restriction.RequestId, restriction.CreatedAt,
        new SavedRequest(
            restriction.Request.Type, [.. restriction.Request.Keys], [.. restriction.Request.Ids], restriction.Request.ListKey, restriction.Request.ListTypeId,
            null, restriction.Request.DeleteListWhenCompleted, restriction.Request.DeleteListContentsWhenCompleted));

    private static EmulatedDeleteRequest DeleteRequestOf(SavedRequest request) => new()
    {
        Type = request.Type,
        Keys = request.Keys ?? [],
        Ids = request.Ids ?? [],
        ListKey = request.ListKey,
        ListTypeId = request.ListTypeId,
        DeleteOperationType = request.DeleteOperationType ?? DeleteRequestDefaults.DeleteOperationType,
        DeleteListWhenCompleted = request.DeleteListWhenCompleted,
        DeleteListContentsWhenCompleted = request.DeleteListContentsWhenCompleted,
    };

    private static EmulatedRestrictRequest RestrictRequestOf(SavedRequest request) => new()
    {
        Type = request.Type,
        Keys = request.Keys ?? [],
        Ids = request.Ids ?? [],
        ListKey = request.ListKey,
        ListTypeId = request.ListTypeId,
        DeleteListWhenCompleted = request.DeleteListWhenCompleted,
        DeleteListContentsWhenCompleted = request.DeleteListContentsWhenCompleted,
    };
}
