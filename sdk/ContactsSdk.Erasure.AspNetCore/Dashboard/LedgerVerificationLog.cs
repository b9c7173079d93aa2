using System;
using ContactsSdk.Erasure.Ledger;

namespace ContactsSdk.Erasure.AspNetCore.Dashboard;

/// <summary>
/// The last ledger verification run from the dashboard of this process, with when it ran. Kept in
/// memory: a verification is cheap to run again, and the ledger itself stays the record.
/// </summary>
internal sealed class LedgerVerificationLog
{
    private LastLedgerVerification? _last;

    public LastLedgerVerification? Last => _last;

    public void Record(LedgerVerification result, DateTimeOffset finishedAt) => _last = new LastLedgerVerification(result, finishedAt);
}

/// <summary>A verification's result and when it finished.</summary>
internal sealed record LastLedgerVerification(LedgerVerification Result, DateTimeOffset FinishedAt);
