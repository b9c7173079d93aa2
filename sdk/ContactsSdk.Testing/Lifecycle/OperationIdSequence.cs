using System.Threading;

namespace ContactsSdk.Testing.Lifecycle;

/// <summary>
/// Operation IDs, shared by deletions and restrictions: Marketing Cloud records both in one table of
/// operations, so an ID names one operation only. It also means a restriction's ID is unknown to the
/// delete routes, which catches a client that follows an operation on the wrong route.
/// IDs start at 1, like a fresh tenant's.
/// </summary>
internal sealed class OperationIdSequence
{
    private long _last;

    public long Next() => Interlocked.Increment(ref _last);

    /// <summary>The last ID handed out (0 before the first).</summary>
    public long Last => Interlocked.Read(ref _last);

    /// <summary>Continues a restored emulator's sequence after <paramref name="last"/>.</summary>
    public void ContinueAfter(long last) => Interlocked.Exchange(ref _last, last);
}
