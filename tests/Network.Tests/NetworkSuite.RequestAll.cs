using Switchboard.Network.Tests.Support;

namespace Switchboard.Network.Tests;

/// <summary>Request-all across the network: remote gateways' targets, remote clients as targets and as askers.</summary>
public abstract partial class NetworkSuite
{
    [Fact]
    public async Task RequestAllToRemoteServersGathersEveryTargetOfEachAndReportsTheUnreachable()
    {
        var pair = await PairAsync();
        await using var client = pair.Agent9000.ConnectClient(new ClientIdentity { Project = "X", User = "bob" });
        await using var session = pair.Agent9000.OpenSession(new SessionIdentity { Project = "X", User = "ann" });

        var report = await pair.Agent8088.RequestAllAsync<string>("X", "identify", remoteServers: ["agent-9000", "agent-nope"], timeout: TimeSpan.FromSeconds(20));

        Assert.Equal(
            ["gateway:agent-9000", $"client:{client.SessionId}", $"session:{session.SessionId}"],
            report.Where(result => result.IsAnswered).Select(result => result.Response));
        Assert.All(report.Take(3), result => Assert.Equal("agent-9000", result.Target.ServerName));
        Assert.StartsWith($"type=Session,sessionId={session.SessionId},", report[2].ToString());
        Assert.EndsWith(",sendStatus=SENT,requestStatus=ANSWERED", report[2].ToString());
        var unreachable = report[3];
        Assert.Equal(4, report.Count);
        Assert.Equal((DeliveryTargetType.RemoteGateway, "agent-nope", RequestAllStatus.Unreachable), (unreachable.Target.Type, unreachable.Target.ServerName, unreachable.Status));
        Assert.Equal(DeliveryStatus.Unreachable, unreachable.Target.Status);
    }

    [Fact]
    public async Task RemoteRequestAllKeepsFailuresAndDenialsAndTheSendersIdentity()
    {
        var pair = await PairAsync();
        await using var broken = pair.Agent9000.OpenSession(new SessionIdentity { Project = "X", User = "broken" });
        await using var bob = pair.Agent8088.ConnectClient(new ClientIdentity { Project = "X", User = "bob" });

        var report = await pair.Agent8088.RequestAllAsync<string>("X", "identify", scope: Scope.Session, remoteServers: ["agent-9000"], timeout: TimeSpan.FromSeconds(20));
        var denied = await bob.RequestAllAsync<string>("X", "secret", scope: Scope.Gateway, remoteServers: ["agent-9000"], timeout: TimeSpan.FromSeconds(20));

        var failed = Assert.Single(report);
        Assert.Equal(RequestAllStatus.Failed, failed.Status);
        var inner = Assert.IsType<RemoteHandlerException>(Assert.IsType<MessageHandlerFailedException>(failed.Exception).InnerException);
        Assert.Equal(("System.InvalidOperationException", "identify broke", "agent-9000"), (inner.RemoteType, inner.Message, inner.ServerName));
        Assert.Equal(RequestAllStatus.Denied, Assert.Single(denied).Status);
    }

    [Fact]
    public async Task RemoteRequestAllAnswersWithWhatCameInBeforeTheTimeout()
    {
        var pair = await PairAsync();
        await using var ann = pair.Agent9000.OpenSession(new SessionIdentity { Project = "X", User = "ann" });
        await using var stuck = pair.Agent9000.OpenSession(new SessionIdentity { Project = "X", User = "stuck" });

        var report = await pair.Agent8088.RequestAllAsync<string>("X", "identify", scope: Scope.Session, remoteServers: ["agent-9000"], timeout: TimeSpan.FromSeconds(8));

        Assert.Equal(2, report.Count);
        Assert.Equal((RequestAllStatus.Answered, $"session:{ann.SessionId}"), (report[0].Status, report[0].Response));
        Assert.Equal((RequestAllStatus.TimedOut, stuck.SessionId), (report[1].Status, report[1].Target.SessionId));
        await pair.Log9000.SlowCancelled.Task.WaitAsync(TimeSpan.FromSeconds(15));
    }

    [Fact]
    public async Task RemoteClientsAnswerRequestAllsInTheirOwnProcess()
    {
        var pair = await PairAsync();
        var (clientNode, _) = await NodeAsync();
        var (bob, _) = await RemoteClientAsync(clientNode, "agent-9000", new ClientIdentity { Project = "X", User = "bob", HostName = "hmi-1" });
        var (broken, _) = await RemoteClientAsync(clientNode, "agent-9000", new ClientIdentity { Project = "X", User = "broken" });
        await Wait.UntilAsync(() => pair.Agent9000.ClientCount == 2, "both clients are attached");

        var local = await pair.Agent9000.RequestAllAsync<string>("X", "identify", scope: Scope.Client, timeout: TimeSpan.FromSeconds(20));
        var fromAfar = await pair.Agent8088.RequestAllAsync<string>("X", "identify", hostName: "hmi-1", remoteServers: ["agent-9000"], timeout: TimeSpan.FromSeconds(20));

        var byClient = local.ToDictionary(result => result.Target.SessionId!);
        Assert.Equal($"client:{bob.SessionId}", byClient[bob.SessionId].Response);
        Assert.Equal(RequestAllStatus.Failed, byClient[broken.SessionId].Status);
        Assert.IsType<MessageHandlerFailedException>(byClient[broken.SessionId].Exception);
        Assert.Equal($"client:{bob.SessionId}", Assert.Single(fromAfar).Response);
    }

    [Fact]
    public async Task RemoteClientAsksARequestAllThroughItsGateway()
    {
        var pair = await PairAsync();
        var (clientNode, _) = await NodeAsync();
        var (bob, _) = await RemoteClientAsync(clientNode, "agent-9000", new ClientIdentity { Project = "X", User = "bob" });
        await using var session = pair.Agent9000.OpenSession(new SessionIdentity { Project = "X", User = "ann" });
        await Wait.UntilAsync(() => pair.Agent9000.ClientCount == 1, "bob is attached");

        var answers = new List<string?>();
        await foreach (var result in bob.RequestAllStreamAsync<string>("X", "identify", scope: Scope.Gateway | Scope.Session, timeout: TimeSpan.FromSeconds(20)))
        {
            answers.Add(result.Response);
        }

        Assert.Equal(["gateway:agent-9000", $"session:{session.SessionId}"], answers);
    }
}
