using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Switchboard.Network.Tests.Support;

/// <summary>A logger factory that keeps every line, so tests can assert what was logged.</summary>
public sealed class LogCollector(Func<EventId, bool>? keep = null) : ILoggerFactory
{
    private readonly Func<EventId, bool> keep = keep ?? (_ => true);

    public ConcurrentQueue<LogLine> Lines { get; } = new();

    public IEnumerable<LogLine> WithEventId(int id) => Lines.Where(line => line.EventId.Id == id);

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void AddProvider(ILoggerProvider provider) => throw new NotSupportedException();

    public void Dispose()
    {
    }

    public sealed record LogLine(string Category, LogLevel Level, EventId EventId, string Message, Exception? Exception);

    private sealed class Logger(LogCollector owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (owner.keep(eventId))
            {
                owner.Lines.Enqueue(new LogLine(category, logLevel, eventId, formatter(state, exception), exception));
            }
        }
    }
}
