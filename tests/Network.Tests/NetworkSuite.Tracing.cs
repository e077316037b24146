using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text;
using Switchboard.Network.Tests.Support;

namespace Switchboard.Network.Tests;

/// <summary>W3C trace context crosses the network: the remote gateway's spans continue the sender's trace.</summary>
public abstract partial class NetworkSuite
{
    [Fact]
    public async Task RemoteSendsAndRequestsContinueTheSendersTrace()
    {
        var pair = await PairAsync();
        using var testSource = new ActivitySource("Switchboard.Network.Tests." + Guid.NewGuid().ToString("N"));
        var stopped = new ConcurrentQueue<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == SwitchboardTelemetry.Name || source.Name == testSource.Name,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = stopped.Enqueue,
        };
        ActivitySource.AddActivityListener(listener);

        ActivityTraceId sendTrace, requestTrace;
        using (var root = testSource.StartActivity("remote send")!)
        {
            sendTrace = root.TraceId;
            var report = await pair.Agent8088.SendAsync(TestProject.Name, "testHandler", scope: Scope.Gateway, remoteServers: ["agent-9000"]);
            Assert.Equal(DeliveryStatus.Sent, report[0].Status);
        }

        using (var root = testSource.StartActivity("remote request")!)
        {
            requestTrace = root.TraceId;
            Assert.Equal(5, await pair.Agent8088.SendRequestAsync(TestProject.Name, "add", Payload(("a", 2), ("b", 3)), remoteServer: "agent-9000"));
        }

        bool DeliveredOn9000(ActivityTraceId trace) => stopped.Any(activity =>
            activity.TraceId == trace && activity.OperationName == "switchboard.deliver"
            && ((string?)activity.GetTagItem("switchboard.endpoint"))?.Contains("agent-9000") == true);
        bool ReceivedIn(ActivityTraceId trace) => stopped.Any(activity => activity.TraceId == trace && activity.OperationName == "switchboard.receive");
        await Wait.UntilAsync(() => DeliveredOn9000(sendTrace) && DeliveredOn9000(requestTrace), "the remote deliveries joined the senders' traces");

        // Waited for, not asserted at once: the receive span ends when agent-9000's inbound worker returns from handing
        // the request to its handler, while the handler runs (and answers) on the pool, so its deliver span and the
        // reply may both come before the worker has ended the receive span.
        await Wait.UntilAsync(() => ReceivedIn(sendTrace) && ReceivedIn(requestTrace), "agent-9000's receive spans joined the senders' traces");
    }

    [Fact]
    public async Task AMalformedTraceparentIsIgnoredNotDropped()
    {
        var pair = await PairAsync();
        var sender = await ConnectTransportAsync();
        await using var _ = sender;
        var before = pair.Node9000.Statistics.Dropped;

        await sender.PublishAsync($"{NetworkName}:gateway:agent-9000", Encoding.UTF8.GetBytes(
            """{"v":1,"kind":"send","id":"t1","project":"X","handler":"testHandler","scope":"G","sender":{"kind":"Gateway","gateway":"elsewhere"},"traceparent":"not-a-trace"}"""));

        await Wait.UntilAsync(() => pair.Log9000.Of("testHandler").Count == 1, "the message with a bad traceparent was delivered");
        Assert.Equal(before, pair.Node9000.Statistics.Dropped);
    }
}
