
namespace ContactsSdk.Erasure;

/// <summary>
/// No erasure in the ledger has the request ID a call named. Nothing was read or written on its
/// behalf: check the ID (request IDs are case-sensitive), or submit the erasure first.
/// </summary>
public sealed class ErasureNotFoundException : ContactsSdkException
{
    /// <summary>Creates the exception for the request ID that matched no erasure.</summary>
    /// <param name="requestId">The caller's request ID (an identifier of the request, never of the data subject).</param>
    public ErasureNotFoundException(string requestId)
        : base($"No erasure has request ID '{requestId}'.")
    {
        RequestId = requestId;
    }

    /// <summary>The request ID that matched no erasure.</summary>
    public string RequestId { get; }
}
