using Microsoft.Extensions.Logging;

namespace Switchboard.Network.Tests.Support;

/// <summary>
/// Passes on only the log events a test asserts, so that a test measuring memory does not measure the log lines it
/// keeps (a FakeLogCollector keeps every record it is given).
/// </summary>
internal sealed class EventFilter(ILoggerProvider inner, Func<EventId, bool> keep) : ILoggerProvider
{
    public ILogger CreateLogger(string categoryName) => new Filtered(inner.CreateLogger(categoryName), keep);

    public void Dispose() => inner.Dispose();

    private sealed class Filtered(ILogger inner, Func<EventId, bool> keep) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => inner.BeginScope(state);

        public bool IsEnabled(LogLevel logLevel) => inner.IsEnabled(logLevel);

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (keep(eventId))
            {
                inner.Log(logLevel, eventId, state, exception, formatter);
            }
        }
    }
}
