using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Hug.Tests.Support;

/// <summary>Every log entry of one category and above a level, kept for a test to count (add with <c>builder.Logging.AddProvider</c>).</summary>
public sealed class CollectedLogs(string category, LogLevel minimum) : ILoggerProvider
{
    private readonly ConcurrentQueue<(LogLevel Level, string Message)> entries = new();
    private readonly LogLevel minimum = minimum;

    public IReadOnlyList<(LogLevel Level, string Message)> Entries => [.. entries];

    public ILogger CreateLogger(string categoryName) => categoryName == category ? new Collector(this) : Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance;

    public void Dispose()
    {
    }

    private sealed class Collector(CollectedLogs logs) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= logs.minimum;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel)) logs.entries.Enqueue((logLevel, formatter(state, exception)));
        }
    }
}
