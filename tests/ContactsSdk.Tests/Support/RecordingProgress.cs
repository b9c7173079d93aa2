using System;
using System.Collections.Concurrent;
using System.Collections.Generic;

namespace ContactsSdk.Tests.Support;

/// <summary>Keeps every progress report, synchronously (Progress&lt;T&gt; would post them later).</summary>
internal sealed class RecordingProgress(Action<DeletionProgress>? onReport = null) : IProgress<DeletionProgress>
{
    private readonly ConcurrentQueue<DeletionProgress> _reports = new();

    public IReadOnlyCollection<DeletionProgress> Reports => _reports.ToArray();

    public void Report(DeletionProgress value)
    {
        _reports.Enqueue(value);
        onReport?.Invoke(value);
    }
}
