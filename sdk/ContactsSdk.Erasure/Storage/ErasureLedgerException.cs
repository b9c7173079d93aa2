using System;

namespace ContactsSdk.Erasure.Storage;

/// <summary>
/// The ledger could not be read or written (file read-only, disk full, database unreachable, schema
/// from a newer version). Nothing was half-written: the write that failed was rolled back.
/// </summary>
public sealed class ErasureLedgerException : ContactsSdkException
{
    /// <summary>Creates the exception.</summary>
    public ErasureLedgerException(string message, Exception? innerException = null)
        : base(message, innerException)
    {
    }
}
