using System;

namespace ContactsSdk.Testing.Lifecycle;

/// <summary>One delete call's place in its account's queue, and when it is processed.</summary>
/// <param name="ArrivalIndex">0 for the account's first call, then 1, 2…: the queue's order.</param>
/// <param name="Queued">Whether the call waited for the calls before it (false when the queue was off).</param>
/// <param name="ProcessingStartsAt">When processing the call starts.</param>
/// <param name="ProcessingEndsAt">When processing ends: the suppression is done and the restorable days start.</param>
internal readonly record struct DeleteCall(int ArrivalIndex, bool Queued, DateTimeOffset ProcessingStartsAt, DateTimeOffset ProcessingEndsAt);
