using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using Microsoft.Extensions.Logging;

namespace ContactsSdk.Tests.Support;

/// <summary>
/// A logger provider for a real <see cref="LoggerFactory"/> that keeps everything written to it at
/// every level: the formatted message, each structured argument and any exception, whole.
/// </summary>
internal sealed class CapturingLoggerProvider : ILoggerProvider
{
    private readonly ConcurrentQueue<string> _entries = new();

    public IReadOnlyCollection<string> Entries => _entries.ToArray();

    public ILogger CreateLogger(string categoryName) => new CapturingLogger(categoryName, _entries);

    public void Dispose()
    {
    }

    private sealed class CapturingLogger(string category, ConcurrentQueue<string> entries) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull
        {
            entries.Enqueue($"{category} scope: {state} || {Arguments(state)}");
            return null;
        }

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            entries.Enqueue($"{logLevel} {category}: {formatter(state, exception)} || {Arguments(state)} || {exception}");

        private static string Arguments<TState>(TState state) => state is IEnumerable<KeyValuePair<string, object?>> pairs
            ? string.Join(" | ", pairs.Select(pair => $"{pair.Key}={pair.Value}"))
            : string.Empty;
    }
}
