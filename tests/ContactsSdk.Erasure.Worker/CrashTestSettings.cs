namespace ContactsSdk.Erasure.Worker;

/// <summary>What the crash tests share with the worker to read its ledger.</summary>
public static class CrashTestSettings
{
    /// <summary>The subject-hash key the worker runs with (a test key, not a secret).</summary>
    public static byte[] SubjectHashKey => "crash-test-subject-hash-key-0123456789"u8.ToArray();
}
