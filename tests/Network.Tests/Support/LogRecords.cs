using Microsoft.Extensions.Logging.Testing;

namespace Switchboard.Network.Tests.Support;

/// <summary>Reads a <see cref="FakeLogCollector"/> by event id, the way the network's log lines are told apart.</summary>
internal static class LogRecords
{
    public static IEnumerable<FakeLogRecord> WithEventId(this FakeLogCollector logs, int id) =>
        logs.GetSnapshot().Where(record => record.Id.Id == id);
}
