namespace FedSim.Coordinator.Tests;

public sealed class NodeRegistryTests
{
    private static NodeRegistry Registry(int parties = 6, int share = 3) => new(parties, share, TimeProvider.System);

    [Fact]
    public void A_node_gets_the_parties_it_asks_for()
    {
        var registry = Registry();
        var node = registry.Register("a", [0, 2], 1);
        Assert.Equal([0, 2], node.PartyIds);
        Assert.Same(node, registry.HostOf(2));
        Assert.Null(registry.HostOf(1));
    }

    [Fact]
    public void A_party_hosted_by_a_live_node_cannot_be_taken()
    {
        var registry = Registry();
        registry.Register("a", [0, 1], 1);
        var e = Assert.Throws<ArgumentException>(() => registry.Register("b", [1, 2], 1));
        Assert.Contains("party 1 is already hosted by node 'a'", e.Message);
    }

    [Fact]
    public void A_gone_node_frees_its_parties_for_another()
    {
        var registry = Registry();
        var a = registry.Register("a", [0, 1], 1);
        string? reason = null;
        registry.NodeGone += (_, r) => reason = r;
        registry.MarkGone(a, "crashed");
        Assert.Equal("crashed", reason);
        Assert.Null(registry.HostOf(0));
        var b = registry.Register("b", [0, 1], 1);
        Assert.Same(b, registry.HostOf(0));
    }

    [Fact]
    public void Unknown_and_repeated_party_ids_are_refused()
    {
        var registry = Registry();
        Assert.Contains("party 6 does not exist", Assert.Throws<ArgumentException>(() => registry.Register("a", [6], 1)).Message);
        Assert.Contains("twice", Assert.Throws<ArgumentException>(() => registry.Register("a", [1, 1], 1)).Message);
    }

    [Fact]
    public void Nodes_that_ask_for_nothing_get_consecutive_shares_until_all_are_hosted()
    {
        var registry = Registry(parties: 5, share: 2);
        var a = registry.Register("a", [], 1);
        Assert.Equal([0, 1], a.PartyIds);
        var b = registry.Register("b", [], 1);
        Assert.Equal([2, 3], b.PartyIds);
        var c = registry.Register("c", [], 1);
        Assert.Equal([4], c.PartyIds);
        // Hosted is not enough: the round loop starts once every hosting node listens for tasks.
        registry.MarkSubscribed(a);
        registry.MarkSubscribed(c);
        Assert.False(registry.AllPartiesHosted.IsCompleted);
        registry.MarkSubscribed(b);
        Assert.True(registry.AllPartiesHosted.IsCompleted);
        Assert.Contains("already hosted", Assert.Throws<NoFreePartiesException>(() => registry.Register("d", [], 1)).Message);
    }

    [Fact]
    public void Silent_nodes_are_marked_gone_and_their_parties_can_be_taken_again()
    {
        var time = new ManualTime();
        var registry = new NodeRegistry(4, 2, time);
        var gone = new List<string>();
        registry.NodeGone += (n, reason) => gone.Add($"{n.Name}: {reason}");
        var quiet = registry.Register("quiet", [], 1);
        var chatty = registry.Register("chatty", [], 1);

        time.Advance(TimeSpan.FromSeconds(8));
        chatty.LastSeen = time.GetTimestamp();
        Assert.Empty(registry.MarkSilentGone(TimeSpan.FromSeconds(10)));
        time.Advance(TimeSpan.FromSeconds(4));
        var silent = registry.MarkSilentGone(TimeSpan.FromSeconds(10));

        Assert.Equal([quiet], silent);
        Assert.True(quiet.IsGone);
        Assert.False(chatty.IsGone);
        Assert.Equal(["quiet: silent for more than 10 s (no heartbeat)"], gone);
        Assert.Null(registry.HostOf(0));
        var back = registry.Register("quiet", [0, 1], 1);
        Assert.Same(back, registry.HostOf(1));
        Assert.NotEqual(quiet.Id, back.Id);
    }

    [Fact]
    public void Names_and_registrations_are_bounded()
    {
        var registry = Registry(parties: 1, share: 1);

        var e = Assert.Throws<ArgumentException>(() => registry.Register(new string('n', NodeRegistry.MaxNameLength + 1), [0], 1));
        Assert.Contains($"at most {NodeRegistry.MaxNameLength}", e.Message);
        for (var i = 0; i < NodeRegistry.MaxSessions; i++)
            registry.MarkGone(registry.Register(new string('n', NodeRegistry.MaxNameLength), [0], 1), "churn");
        var full = Assert.Throws<NoFreePartiesException>(() => registry.Register("one more", [0], 1));
        Assert.Contains($"{NodeRegistry.MaxSessions} node registrations already", full.Message);
    }
}
