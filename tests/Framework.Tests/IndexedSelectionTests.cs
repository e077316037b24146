using Switchboard.Tests.Support;

namespace Switchboard.Tests;

/// <summary>A selective filter costs what it matches, not what is attached.</summary>
public sealed class IndexedSelectionTests
{
    private const int Total = 100_000;

    [Fact]
    public async Task A_selective_filter_over_100000_sessions_examines_only_its_matches()
    {
        var index = new EndpointIndex();
        await using var gateway = new Gateway("g");
        for (var i = 0; i < Total; i++)
        {
            index.Add(gateway.OpenSession(new SessionIdentity
            {
                Project = "X",
                User = $"user{i % 10_000}",
                Roles = [$"role{i % 10_000}"],
                HostName = $"host{i % 10_000}",
            }));
        }

        var selected = new List<AttachedEndpoint>();
        var byUser = index.Select(new FilterParams(null, null, Scope.Session, "USER7", null), selected);
        Assert.Equal(10, selected.Count);
        Assert.Equal(10, byUser);
        Assert.True(selected.Zip(selected.Skip(1)).All(pair => pair.First.Sequence < pair.Second.Sequence), "attach order");

        selected.Clear();
        Assert.Equal(10, index.Select(new FilterParams(null, null, Scope.Session, null, "role42"), selected));
        Assert.Equal(10, selected.Count);

        selected.Clear();
        Assert.Equal(10, index.Select(new FilterParams("host9", null, Scope.Session, null, null), selected));
        Assert.Equal(10, selected.Count);

        selected.Clear();
        Assert.Equal(0, index.Select(new FilterParams("host9", null, Scope.Session, "nobody", null), selected));
        Assert.Empty(selected);

        selected.Clear();
        Assert.Equal(Total, index.Select(new FilterParams(null, null, Scope.Session, null, null), selected));
        Assert.Equal(Total, selected.Count);
    }

    [Fact]
    public async Task Removing_endpoints_removes_them_from_every_index()
    {
        var index = new EndpointIndex();
        await using var gateway = new Gateway("g");
        var bob = gateway.OpenSession(new SessionIdentity { Project = "X", User = "Bob", Roles = ["A", "B"], HostName = "h" });
        index.Add(bob);
        index.Remove(bob);

        var selected = new List<AttachedEndpoint>();
        index.Select(new FilterParams(null, null, Scope.Session, "Bob", null), selected);
        index.Select(new FilterParams(null, null, Scope.Session, null, "B"), selected);
        index.Select(new FilterParams("h", null, Scope.Session, null, null), selected);
        index.Select(new FilterParams(null, bob.SessionId, Scope.Session, null, null), selected);
        Assert.Empty(selected);
        Assert.Equal(0, index.Count);
    }
}
