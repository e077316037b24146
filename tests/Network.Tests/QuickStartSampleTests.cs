using System.Text.RegularExpressions;
using Switchboard.Network.Tests.Support;

namespace Switchboard.Network.Tests;

/// <summary>
/// The QuickStart sample runs the four examples of Ignition's sendMessage page (Example 3 on the in-process gateway
/// network, so nothing is installed) and prints exactly Ignition's result strings.
/// </summary>
public sealed class QuickStartSampleTests
{
    // Only the session's id is random; everything else the sample prints is fixed.
    private const string Expected = """
        # Example 1: scope CG
        type=Gateway,project=X,messageHandler=testHandler,filterParams={hostName=, clientSessionId=, scope=CG, user=, hasRole=},sendStatus=SENT
        type=Client,sessionId=65F7A472,clientAddress=127.0.0.1,clientHostName=127.0.0.1,project=X,messageHandler=testHandler,filterParams={hostName=, clientSessionId=, scope=CG, user=, hasRole=},sendStatus=SENT
        # Example 2: user Bob
        type=Client,sessionId=0B0B0B0B,clientAddress=,clientHostName=,project=X,messageHandler=myMessageHandler,filterParams={hostName=, clientSessionId=, scope=C, user=Bob, hasRole=},sendStatus=SENT
        # Example 3: remoteServers agent-8088, agent-9000
        type=RemoteGateway,serverName=agent-8088,project=X,messageHandler=testHandler,filterParams={hostName=, clientSessionId=, scope=G, user=, hasRole=},sendStatus=SENT
        type=Gateway,project=X,messageHandler=testHandler,filterParams={hostName=, clientSessionId=, scope=G, user=, hasRole=},sendStatus=SENT
        type=RemoteGateway,serverName=agent-9000,project=X,messageHandler=testHandler,filterParams={hostName=, clientSessionId=, scope=G, user=, hasRole=},sendStatus=SENT
        type=Gateway,project=X,messageHandler=testHandler,filterParams={hostName=, clientSessionId=, scope=G, user=, hasRole=},sendStatus=SENT
        # Example 4: tag change to S
        type=Session,sessionId=<session>,clientAddress=,clientHostName=,project=X,messageHandler=test,filterParams={hostName=, clientSessionId=, scope=S, user=, hasRole=},sendStatus=SENT
        """;

    [Fact]
    public async Task QuickStartPrintsIgnitionsResultsForAllFourExamplesAndRunsEveryHandler()
    {
        using var sample = SampleProcess.StartQuickStart();

        var exitCode = await sample.WaitForExitAsync(TimeSpan.FromSeconds(60));

        Assert.True(exitCode == 0, sample.Text);
        var lines = sample.Output.ToList();
        var session = Regex.Match(sample.Text, "type=Session,sessionId=([0-9A-F]{8})").Groups[1].Value;
        var results = lines.Where(line => line.StartsWith("# ", StringComparison.Ordinal) || line.StartsWith("type=", StringComparison.Ordinal))
            .Select(line => session.Length > 0 ? line.Replace(session, "<session>", StringComparison.Ordinal) : line);
        Assert.Equal(Expected.ReplaceLineEndings("\n"), string.Join("\n", results));

        // The handlers ran where the results say: both gateways for Example 3, the session with the tag's value.
        Assert.Contains(lines, line => line.EndsWith("client 65F7A472 testHandler got Hello World", StringComparison.Ordinal));
        Assert.Contains(lines, line => line.EndsWith("gateway agent-8088 testHandler got Hello World", StringComparison.Ordinal));
        Assert.Contains(lines, line => line.EndsWith("client 0B0B0B0B (Bob) myMessageHandler ran", StringComparison.Ordinal));
        Assert.Contains(lines, line => line.EndsWith("gateway agent-8088 testHandler got Hello Remote", StringComparison.Ordinal));
        Assert.Contains(lines, line => line.EndsWith("gateway agent-9000 testHandler got Hello Remote", StringComparison.Ordinal));
        Assert.Contains(lines, line => line.EndsWith($"session {session} got cv=42", StringComparison.Ordinal));
        Assert.Contains(lines, line => line.EndsWith("sendRequest add(2, 3) = 5", StringComparison.Ordinal));
    }
}
