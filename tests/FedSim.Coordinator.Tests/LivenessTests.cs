using FedSim.Core.Partitioning;
using FedSim.Party;
using FedSim.Protos.V1;
using Grpc.Core;
using Grpc.Health.V1;
using Grpc.Net.Client;
using Microsoft.Extensions.Logging;

namespace FedSim.Coordinator.Tests;

/// <summary>Heartbeats, silent nodes, standby nodes and the health service, over real gRPC on 127.0.0.1.</summary>
public sealed class LivenessTests
{
    /// <summary>A node timeout no test waits for: nodes that never heartbeat stay registered however slow the machine.</summary>
    private const double Quiet = 60;

    private static CoordinatorState State(int parties, double timeoutSeconds, TimeProvider? time = null) =>
        new(TestRuns.Scenario($"name: l\ndataset:\n  name: fcube\n  fcube:\n    samples: 400\nmodel: mlp\npartition:\n  parties: {parties}\n"),
            TestRuns.ScenarioYaml(parties),
            PartitionReport.Compute("homo", 0, Enumerable.Repeat(0, parties * 2).ToArray(), 1,
                Enumerable.Range(0, parties).Select(p => new[] { 2 * p, 2 * p + 1 }).ToArray()), time ?? TimeProvider.System)
        {
            HeartbeatIntervalMs = 100,
            NodeTimeout = TimeSpan.FromSeconds(timeoutSeconds),
        };

    private static RegisterRequest Request(string name, params int[] parties) =>
        new() { ProtocolVersion = ProtocolVersion._2, NodeName = name, PartyIds = { parties } };

    [Fact]
    public async Task A_silent_node_is_marked_gone_its_task_fails_and_it_can_register_again()
    {
        // The liveness clock is driven by hand, so a stalled test machine cannot make the live node look silent too;
        // the sweep itself still runs on its real timer, over real gRPC.
        var time = new ManualTime();
        var state = State(2, 0.8, time);
        await using var server = await CoordinatorServer.StartAsync(state, new Uri("http://127.0.0.1:0"), LogLevel.Warning, CancellationToken.None);
        using var channel = GrpcChannel.ForAddress(server.Address);
        var client = new Federation.FederationClient(channel);
        var silent = await client.RegisterAsync(Request("silent", 0));
        var live = await client.RegisterAsync(Request("live", 1));
        var model = new Core.Weights.ModelWeights([new Core.Weights.NamedTensor("w", [1], [0f])]);
        var aggregation = new RoundAggregation(new Core.Algorithms.WeightedAverage().BeginRound(1, model), new Core.Metrics.UpdateTracker(model, 0));
        var task = new TrainingTask("t", 1, 0, Protos.NodeCredential.Label(silent.NodeId), model, Core.Algorithms.PartyInstructions.None, long.MaxValue, aggregation, TimeProvider.System);
        state.Board.Add(task);

        // 0.5 s on: only "live" heartbeats, and nobody is past the 0.8 s timeout yet.
        time.Advance(TimeSpan.FromSeconds(0.5));
        Assert.True((await client.HeartbeatAsync(new HeartbeatRequest { NodeId = live.NodeId })).Known);
        await Task.Delay(300);
        Assert.False(task.Outcome.IsCompleted, "the task failed before its node had been silent for 0.8 s");

        // 1.0 s on: "silent" has said nothing for 1.0 s, "live" for 0.5 s.
        time.Advance(TimeSpan.FromSeconds(0.5));
        var outcome = task.Outcome;
        await WaitFor(() => outcome.IsCompleted);

        Assert.Contains("silent for more than 0.8 s", (await outcome).Failure);
        Assert.False((await client.HeartbeatAsync(new HeartbeatRequest { NodeId = silent.NodeId })).Known);
        Assert.True(state.Registry.Find(live.NodeId)!.IsGone is false);
        var back = await client.RegisterAsync(Request("silent", 0));
        Assert.NotEqual(silent.NodeId, back.NodeId);
        Assert.Equal(back.NodeId, state.Registry.HostOf(0)!.Credential);
    }

    [Fact]
    public async Task A_node_asking_for_a_share_when_every_party_is_hosted_is_told_to_stand_by()
    {
        var state = State(2, Quiet);
        await using var server = await CoordinatorServer.StartAsync(state, new Uri("http://127.0.0.1:0"), LogLevel.Warning, CancellationToken.None);
        using var channel = GrpcChannel.ForAddress(server.Address);
        var client = new Federation.FederationClient(channel);
        await client.RegisterAsync(Request("a", 0, 1));

        var e = await Assert.ThrowsAsync<RpcException>(async () => await client.RegisterAsync(Request("spare")));

        Assert.Equal(StatusCode.ResourceExhausted, e.StatusCode);
        Assert.Contains("already hosted", e.Status.Detail);
    }

    [Fact]
    public async Task A_standby_node_takes_over_the_parties_of_a_node_that_leaves_and_ends_with_the_run()
    {
        var state = State(2, Quiet);
        await using var server = await CoordinatorServer.StartAsync(state, new Uri("http://127.0.0.1:0"), LogLevel.Warning, CancellationToken.None);
        using var channel = GrpcChannel.ForAddress(server.Address);
        var client = new Federation.FederationClient(channel);
        var first = await client.RegisterAsync(Request("first", 0, 1));
        await using var spare = new PartyNode(new PartyNodeOptions(server.Address) { Workers = 1, Name = "spare", StandbyPoll = TimeSpan.FromMilliseconds(100) });
        var run = spare.RunAsync(CancellationToken.None);
        await Task.Delay(500);
        Assert.Equal(0, spare.Registrations);

        await client.DeregisterAsync(new DeregisterRequest { NodeId = first.NodeId, Reason = "leaving" });
        await WaitFor(() => spare.Registrations == 1);
        Assert.Equal([0], spare.HostedParties); // a share: ceil(2 parties / deployment.party_processes 2)

        // A second spare waits too; the run ends: the registered node is told to stop, and a spare asking again is told
        // there is nothing to do.
        await client.RegisterAsync(Request("other", 1));
        Assert.Equal(StatusCode.ResourceExhausted, (await Assert.ThrowsAsync<RpcException>(async () => await client.RegisterAsync(Request("late")))).StatusCode);
        Assert.Equal(1, state.Registry.WaitingSpares);
        state.Registry.StopAll("run completed");
        await run.WaitAsync(TimeSpan.FromSeconds(20));
        var e = await Assert.ThrowsAsync<RpcException>(async () => await client.RegisterAsync(Request("late")));
        Assert.Equal(StatusCode.Aborted, e.StatusCode);
        Assert.Contains("has ended", e.Status.Detail);
        Assert.Equal(0, state.Registry.WaitingSpares);
    }

    [Fact]
    public async Task The_coordinator_serves_grpc_health_and_reports_not_serving_when_stopping()
    {
        var state = State(1, Quiet);
        await using var server = await CoordinatorServer.StartAsync(state, new Uri("http://127.0.0.1:0"), LogLevel.Warning, CancellationToken.None);
        using var channel = GrpcChannel.ForAddress(server.Address);
        var health = new Health.HealthClient(channel);

        Assert.Equal(HealthCheckResponse.Types.ServingStatus.Serving, (await health.CheckAsync(new HealthCheckRequest())).Status);
        Assert.Equal(HealthCheckResponse.Types.ServingStatus.Serving,
            (await health.CheckAsync(new HealthCheckRequest { Service = CoordinatorServer.ServiceName })).Status);
        server.MarkStopping();
        Assert.Equal(HealthCheckResponse.Types.ServingStatus.NotServing, (await health.CheckAsync(new HealthCheckRequest())).Status);
    }

    [Fact]
    public async Task A_party_node_that_was_dropped_for_silence_registers_again_by_itself()
    {
        var state = State(3, 3); // a margin for a busy test machine: only the paused node may go silent
        await using var server = await CoordinatorServer.StartAsync(state, new Uri("http://127.0.0.1:0"), LogLevel.Warning, CancellationToken.None);
        await using var node = new PartyNode(new PartyNodeOptions(server.Address) { PartyIds = [0, 1, 2], Workers = 1, Name = "n" });
        var readiness = new List<bool>();
        node.ReadinessChanged += r =>
        {
            lock (readiness) readiness.Add(r);
        };
        using var stop = new CancellationTokenSource();
        var run = node.RunAsync(stop.Token);
        await WaitFor(() => node.Registrations == 1 && state.Registry.HostedCount == 3);
        var firstId = node.NodeId;

        node.PauseHeartbeats(true);
        await WaitFor(() => state.Registry.Find(firstId!)!.IsGone);
        node.PauseHeartbeats(false);
        await WaitFor(() => node.Registrations == 2 && state.Registry.HostedCount == 3);

        Assert.NotEqual(firstId, node.NodeId);
        Assert.Equal([0, 1, 2], node.HostedParties);
        Assert.Equal(node.NodeId, state.Registry.HostOf(2)!.Credential);
        lock (readiness) Assert.Equal([true, false, true], readiness);

        // Stopping the node deregisters it: its parties are free at once, not after a timeout.
        await stop.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => run);
        Assert.True(state.Registry.Find(node.NodeId!)!.IsGone);
        Assert.Equal(0, state.Registry.HostedCount);
    }

    [Fact]
    public async Task A_node_orphaned_by_a_crashed_run_loads_the_next_run_afresh_instead_of_training_with_the_old_one()
    {
        int port;
        using (var probe = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0))
        {
            probe.Start();
            port = ((System.Net.IPEndPoint)probe.LocalEndpoint).Port;
        }
        var address = new Uri($"http://127.0.0.1:{port}");
        var first = State(2, Quiet);
        var server = await CoordinatorServer.StartAsync(first, address, LogLevel.Warning, CancellationToken.None);
        await using var node = new PartyNode(new PartyNodeOptions(address) { PartyIds = [0, 1], Workers = 1, Name = "orphan" });
        using var stop = new CancellationTokenSource();
        var run = node.RunAsync(stop.Token);
        await WaitFor(() => node.LoadedRun is not null && first.Registry.HostedCount == 2);
        Assert.Equal("l", node.LoadedRun);

        // The coordinator dies without a stop; another run starts on the same address.
        await server.DisposeAsync();
        var next = new CoordinatorState(
            TestRuns.Scenario("name: next\ndataset:\n  name: fcube\n  fcube:\n    samples: 400\nmodel: mlp\npartition:\n  parties: 2\n"),
            TestRuns.ScenarioYaml(2).Replace("name: l", "name: next", StringComparison.Ordinal), first.Partition, TimeProvider.System)
        {
            NodeTimeout = TimeSpan.FromSeconds(Quiet),
        };
        await using var second = await CoordinatorServer.StartAsync(next, address, LogLevel.Warning, CancellationToken.None);
        for (var i = 0; i < 600 && !(next.Registry.HostedCount == 2 && node.LoadedRun != "l"); i++) await Task.Delay(50);

        Assert.Equal(2, next.Registry.HostedCount);
        Assert.Equal("next", node.LoadedRun);
        await stop.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => run);
    }

    private static async Task WaitFor(Func<bool> condition)
    {
        for (var i = 0; i < 200 && !condition(); i++) await Task.Delay(50);
        Assert.True(condition(), "condition not reached within 10 s");
    }
}
