using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using Microsoft.Extensions.Logging;

namespace ContactsSdk.TestSupport;

/// <summary>
/// Keeps everything written to its loggers at every level: the formatted message, each structured
/// argument and any exception, whole, and every scope begun. Tests read it to prove what a log
/// holds (an event ID, a count) and what it never holds (a secret, an address). Add it to a real
/// logger factory, or pass <see cref="CreateFactory"/> where a bare <see cref="ILoggerFactory"/> is asked.
/// </summary>
public sealed class CapturingLoggerProvider : ILoggerProvider
{
    private readonly ConcurrentQueue<CapturedLog> _logs = new();

    /// <summary>Every entry and scope as one line of text, in the order they were written.</summary>
    public IReadOnlyCollection<string> Entries => _logs.Select(log => log.ToString()).ToArray();

    /// <summary>The log entries (without scopes), with their category, level and event ID.</summary>
    public IReadOnlyCollection<CapturedLog> Records => _logs.Where(log => !log.IsScope).ToArray();

    public ILogger CreateLogger(string categoryName) => new CapturingLogger(categoryName, _logs);

    /// <summary>A logger factory whose every logger writes here.</summary>
    public ILoggerFactory CreateFactory() => new CapturingLoggerFactory(this);

    public void Dispose()
    {
    }

    private static string Arguments<TState>(TState state) => state is IEnumerable<KeyValuePair<string, object?>> pairs
        ? string.Join(" | ", pairs.Select(pair => $"{pair.Key}={pair.Value}"))
        : string.Empty;

    private sealed class CapturingLogger(string category, ConcurrentQueue<CapturedLog> logs) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull
        {
            logs.Enqueue(new CapturedLog(category, LogLevel.None, default, $"{state} || {Arguments(state)}", IsScope: true));
            return null;
        }

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            logs.Enqueue(new CapturedLog(category, logLevel, eventId, $"{formatter(state, exception)} || {Arguments(state)} || {exception}"));
    }

    /// <summary>For APIs that take a logger factory and no provider (the emulator's options).</summary>
    private sealed class CapturingLoggerFactory(CapturingLoggerProvider provider) : ILoggerFactory
    {
        public ILogger CreateLogger(string categoryName) => provider.CreateLogger(categoryName);

        public void AddProvider(ILoggerProvider other) => throw new NotSupportedException("Everything logged here is captured; no other provider is added.");

        public void Dispose()
        {
        }
    }
}

/// <summary>One captured log entry or scope.</summary>
/// <param name="Text">The formatted message, then the structured arguments, then the exception, separated by <c>||</c>.</param>
public sealed record CapturedLog(string Category, LogLevel Level, EventId EventId, string Text, bool IsScope = false)
{
    public override string ToString() => IsScope ? $"{Category} scope: {Text}" : $"{Level} {Category}: {Text}";
}
