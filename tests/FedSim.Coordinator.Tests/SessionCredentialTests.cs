using FedSim.Core.Partitioning;
using FedSim.Party;
using FedSim.Protos;
using FedSim.Protos.V1;
using Grpc.Core;
using Grpc.Net.Client;
using Microsoft.Extensions.Logging;

namespace FedSim.Coordinator.Tests;

/// <summary>A node's id is its session credential: another process that guesses the label cannot act in its name (real gRPC on 127.0.0.1).</summary>
public sealed class SessionCredentialTests
{
    private static CoordinatorState State() =>
        new(TestRuns.Scenario("name: l\ndataset:\n  name: fcube\n  fcube:\n    samples: 400\nmodel: mlp\npartition:\n  parties: 2\n"),
            TestRuns.ScenarioYaml(2),
            PartitionReport.Compute("homo", 0, [0, 0, 0, 0], 1, [[0, 1], [2, 3]]), TimeProvider.System)
        {
            NodeTimeout = TimeSpan.FromSeconds(60),
        };

    [Fact]
    public async Task Ids_are_a_label_and_a_random_secret_and_a_guessed_or_forged_id_is_refused_everywhere()
    {
        var state = State();
        await using var server = await CoordinatorServer.StartAsync(state, new Uri("http://127.0.0.1:0"), LogLevel.Warning, CancellationToken.None);
        using var channel = GrpcChannel.ForAddress(server.Address);
        var client = new Federation.FederationClient(channel);
        var a = await client.RegisterAsync(new RegisterRequest { ProtocolVersion = ProtocolVersion._2, NodeName = "a", PartyIds = { 0 } });
        var b = await client.RegisterAsync(new RegisterRequest { ProtocolVersion = ProtocolVersion._2, NodeName = "b", PartyIds = { 1 } });

        var label = NodeCredential.Label(a.NodeId);
        Assert.Matches("^node-[0-9]+$", label);
        Assert.Matches("^[0-9a-f]{64}$", a.NodeId[(label.Length + 1)..]);
        Assert.NotEqual(a.NodeId[(label.Length + 1)..], b.NodeId[(NodeCredential.Label(b.NodeId).Length + 1)..]);

        var flipped = a.NodeId[..^1] + (a.NodeId[^1] == '0' ? '1' : '0');
        foreach (var forged in new[] { label, flipped, $"{label}.", $"{label}.zz", $"{NodeCredential.Label(b.NodeId)}.{a.NodeId[(label.Length + 1)..]}" })
        {
            Assert.False((await client.HeartbeatAsync(new HeartbeatRequest { NodeId = forged })).Known, forged);
            using var stream = client.Subscribe(new SubscribeRequest { NodeId = forged });
            Assert.Equal(StatusCode.NotFound, (await Assert.ThrowsAsync<RpcException>(() => stream.ResponseStream.MoveNext(CancellationToken.None))).StatusCode);
            var fetch = client.FetchTask(new FetchTaskRequest { NodeId = forged, TaskId = "t" });
            Assert.Equal(StatusCode.NotFound, (await Assert.ThrowsAsync<RpcException>(() => fetch.ResponseStream.MoveNext(CancellationToken.None))).StatusCode);
            var submit = await Assert.ThrowsAsync<RpcException>(() =>
                FederationClientStreams.SubmitAsync(client, new ResultHeader { NodeId = forged, TaskId = "t", PartyId = 0 }, [], CancellationToken.None));
            Assert.Equal(StatusCode.NotFound, submit.StatusCode);
            await client.DeregisterAsync(new DeregisterRequest { NodeId = forged, Reason = "stolen" });
        }

        // Nothing the forgers did touched node a: it is still registered and its real id still works.
        Assert.False(state.Registry.HostOf(0)!.IsGone);
        Assert.True((await client.HeartbeatAsync(new HeartbeatRequest { NodeId = a.NodeId })).Known);
        await client.DeregisterAsync(new DeregisterRequest { NodeId = a.NodeId, Reason = "leaving" });
        Assert.Null(state.Registry.HostOf(0));
    }

    [Fact]
    public async Task With_a_token_file_only_listed_nodes_with_their_token_register()
    {
        var state = new CoordinatorState(State().Scenario, TestRuns.ScenarioYaml(2), State().Partition, TimeProvider.System)
        {
            NodeTimeout = TimeSpan.FromSeconds(60),
            Tokens = NodeTokens.Parse("good 0123456789abcdef0123\n", "tokens.txt"),
        };
        await using var server = await CoordinatorServer.StartAsync(state, new Uri("http://127.0.0.1:0"), LogLevel.Warning, CancellationToken.None);
        using var channel = GrpcChannel.ForAddress(server.Address);
        var client = new Federation.FederationClient(channel);

        foreach (var (name, token) in new[] { ("good", ""), ("good", "fedcba9876543210fedc"), ("other", "0123456789abcdef0123") })
        {
            var e = await Assert.ThrowsAsync<RpcException>(async () =>
                await client.RegisterAsync(new RegisterRequest { ProtocolVersion = ProtocolVersion._2, NodeName = name, Token = token, PartyIds = { 0 } }));
            Assert.Equal(StatusCode.Unauthenticated, e.StatusCode);
            Assert.StartsWith($"unauthenticated: node name '{name}'", e.Status.Detail);
        }
        Assert.Equal(0, state.Registry.HostedCount);

        // A real party node: refused at once with the reason (no retrying), then admitted with its token.
        await using var refused = new PartyNode(new PartyNodeOptions(server.Address) { PartyIds = [0, 1], Workers = 1, Name = "good", Token = "wrong-token-0000000" });
        var failure = await Assert.ThrowsAsync<InvalidOperationException>(() => refused.RunAsync(CancellationToken.None));
        Assert.Contains("unauthenticated", failure.Message);
        await using var admitted = new PartyNode(new PartyNodeOptions(server.Address) { PartyIds = [0, 1], Workers = 1, Name = "good", Token = "0123456789abcdef0123" });
        using var stop = new CancellationTokenSource();
        var run = admitted.RunAsync(stop.Token);
        for (var i = 0; i < 200 && state.Registry.HostedCount < 2; i++) await Task.Delay(50);
        Assert.Equal(2, state.Registry.HostedCount);
        await stop.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => run);
    }
}
