using FedSim.Core.Algorithms;
using FedSim.Core.Metrics;
using FedSim.Core.Partitioning;
using FedSim.Core.Weights;
using FedSim.Party;
using FedSim.Protos.Conversion;
using FedSim.Protos.V1;
using Grpc.Core;
using Grpc.Net.Client;
using Microsoft.Extensions.Logging;

namespace FedSim.Coordinator.Tests;

/// <summary>The round loop over real gRPC with hand-driven parties: deadlines, protocol versions, refused updates.</summary>
public sealed class DeadlineTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "fedsim-coord-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_dir)) Directory.Delete(_dir, recursive: true);
    }

    /// <summary>Scores a model by its first value: lets the test check which updates were aggregated.</summary>
    private sealed class FirstValueEvaluator : IGlobalEvaluator
    {
        public (ClassificationMetrics Metrics, double Loss) Evaluate(ModelWeights weights) =>
            (new ClassificationMetrics(weights[0].Data[0], 0, 0, 0, 1), 0);
    }

    [Fact]
    public async Task A_party_that_misses_the_deadline_is_recorded_and_the_others_are_aggregated()
    {
        var scenario = TestRuns.Scenario("name: d\npartition:\n  parties: 2\nfederation:\n  rounds: 1\n  min_parties: 1\n  round_timeout_s: 3\n"); // room for a busy machine: only the silent party may miss it
        var partition = PartitionReport.Compute("homo", 0, [0, 1, 0, 1], 2, [[0, 1], [2, 3]]);
        var state = TestRuns.State(scenario, partition);
        await using var server = await CoordinatorServer.StartAsync(state, new Uri("http://127.0.0.1:0"), LogLevel.Warning, CancellationToken.None);
        var initial = new ModelWeights([new NamedTensor("w", [2], [0f, 0f])]);
        var loop = new RoundLoop(state, new WeightedAverage(), new FirstValueEvaluator(), new RunRecorder(_dir), new NoObserver());
        var run = loop.RunAsync(initial, CancellationToken.None);

        using var channel = GrpcChannel.ForAddress(server.Address);
        var client = new Federation.FederationClient(channel);
        var worker = await client.RegisterAsync(new RegisterRequest { ProtocolVersion = ProtocolVersion._2, NodeName = "worker", PartyIds = { 0 } });
        var silent = await client.RegisterAsync(new RegisterRequest { ProtocolVersion = ProtocolVersion._2, NodeName = "silent", PartyIds = { 1 } });
        Assert.Equal([1], silent.Parties.Select(p => p.PartyId));
        Assert.Equal([2, 3], silent.Parties[0].Dataidxs);

        using var silentStream = client.Subscribe(new SubscribeRequest { NodeId = silent.NodeId });
        using var stream = client.Subscribe(new SubscribeRequest { NodeId = worker.NodeId });
        Assert.True(await stream.ResponseStream.MoveNext(CancellationToken.None));
        var task = stream.ResponseStream.Current.Task;
        Assert.Equal(0, task.PartyId);

        // Answer with weights [3, 4] for 2 examples.
        var update = new ModelWeights([new NamedTensor("w", [2], [3f, 4f])]);
        var header = new ResultHeader { NodeId = worker.NodeId, TaskId = task.TaskId, PartyId = 0, Status = ResultStatus.Ok, NumExamples = 2, LocalSteps = 1 };
        var submitted = await FederationClientStreams.SubmitAsync(client, header, [TestRuns.Group(TensorGroup.Model, update)], CancellationToken.None);
        Assert.True(submitted.Ack.Accepted);

        var summary = await run.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal("completed", summary.Status);
        // Only party 0's update was averaged: the new model is [3, 4], scored by its first value.
        Assert.Equal(3.0, summary.FinalAccuracy);
        var round = Assert.Single(Csv.Read(Path.Combine(_dir, "metrics.csv")));
        Assert.Equal(("2", "1", "1", "1"), (round["parties_sampled"], round["parties_ok"], round["parties_failed"], round["failed_parties"]));
        var parties = Csv.Read(Path.Combine(_dir, "parties.csv"));
        Assert.Contains(parties, p => (p["round"], p["party"], p["status"]) == ("1", "1", "failed") && p["error"].Contains("missed the round deadline of 3s"));
    }

    [Fact]
    public async Task A_node_speaking_another_protocol_version_is_refused()
    {
        var scenario = TestRuns.Scenario("partition:\n  parties: 1\n");
        var state = TestRuns.State(scenario, PartitionReport.Compute("homo", 0, [0], 1, [[0]]));
        await using var server = await CoordinatorServer.StartAsync(state, new Uri("http://127.0.0.1:0"), LogLevel.Warning, CancellationToken.None);
        using var channel = GrpcChannel.ForAddress(server.Address);
        var client = new Federation.FederationClient(channel);
        var e = await Assert.ThrowsAsync<RpcException>(async () => await client.RegisterAsync(new RegisterRequest { ProtocolVersion = ProtocolVersion._1 }));
        Assert.Equal(StatusCode.FailedPrecondition, e.StatusCode);
        Assert.Contains("protocol version 1 is not supported; this coordinator speaks version 2", e.Status.Detail);
    }

    /// <summary>
    /// A one-party, one-round run whose only party answers with <paramref name="groups"/> and the given claims: the
    /// coordinator's acknowledgement and the run's summary.
    /// </summary>
    private async Task<(SubmitAck Ack, RunSummary Summary)> AnswerOnce(IReadOnlyList<TensorGroup> groups, long examples = 2, long steps = 1)
    {
        var scenario = TestRuns.Scenario("name: v\npartition:\n  parties: 1\ntraining:\n  local_epochs: 1\nfederation:\n  rounds: 1\n  min_parties: 1\n");
        var state = TestRuns.State(scenario, PartitionReport.Compute("homo", 0, [0, 1], 2, [[0, 1]]));
        await using var server = await CoordinatorServer.StartAsync(state, new Uri("http://127.0.0.1:0"), LogLevel.Warning, CancellationToken.None);
        var loop = new RoundLoop(state, new WeightedAverage(), new FirstValueEvaluator(), new RunRecorder(_dir), new NoObserver());
        var run = loop.RunAsync(new ModelWeights([new NamedTensor("w", [2], [0f, 0f])]), CancellationToken.None);

        using var channel = GrpcChannel.ForAddress(server.Address);
        var client = new Federation.FederationClient(channel);
        var node = await client.RegisterAsync(new RegisterRequest { ProtocolVersion = ProtocolVersion._2, NodeName = "n", PartyIds = { 0 } });
        using var stream = client.Subscribe(new SubscribeRequest { NodeId = node.NodeId });
        Assert.True(await stream.ResponseStream.MoveNext(CancellationToken.None));
        var task = stream.ResponseStream.Current.Task;

        var header = new ResultHeader { NodeId = node.NodeId, TaskId = task.TaskId, PartyId = 0, Status = ResultStatus.Ok, NumExamples = examples, LocalSteps = steps };
        var submitted = await FederationClientStreams.SubmitAsync(client, header, groups, CancellationToken.None);
        return (submitted.Ack, await run.WaitAsync(TimeSpan.FromSeconds(30)));
    }

    [Theory]
    [InlineData(float.NaN, 1f, "update has non-finite values in 'w' (training diverged?)")]
    [InlineData(1f, float.PositiveInfinity, "update has non-finite values in 'scaffold.c_delta' tensor 'w' (training diverged?)")]
    public async Task A_non_finite_update_or_payload_is_refused_and_named_as_the_party_failure(float modelValue, float payloadValue, string reason)
    {
        var (ack, summary) = await AnswerOnce(
            [TestRuns.Group(TensorGroup.Model, new ModelWeights([new NamedTensor("w", [2], [modelValue, 2f])])),
             TestRuns.Group("scaffold.c_delta", new ModelWeights([new NamedTensor("w", [2], [0f, payloadValue])]))]);

        Assert.False(ack.Accepted);
        Assert.Equal(reason, ack.Reason);
        Assert.Equal("failed", summary.Status);
        Assert.Contains($"party 0: {reason}", summary.Error);
    }

    [Theory]
    [InlineData(1_000_000_000_000L, 1L, "invalid update: party 0 claims num_examples 1000000000000, but it holds 2 samples")]
    [InlineData(1L, 1L, "invalid update: party 0 claims num_examples 1, but it holds 2 samples")]
    [InlineData(2L, 0L, "invalid update: party 0 claims 0 local steps; 1 epochs over 2 samples take 1 to 2")]
    [InlineData(2L, 1_000_000L, "invalid update: party 0 claims 1000000 local steps; 1 epochs over 2 samples take 1 to 2")]
    public async Task An_update_is_weighted_by_what_the_coordinator_knows_and_a_claim_that_disagrees_is_refused(long examples, long steps, string reason)
    {
        var (ack, summary) = await AnswerOnce([TestRuns.Group(TensorGroup.Model, new ModelWeights([new NamedTensor("w", [2], [1f, 2f])]))], examples, steps);

        Assert.False(ack.Accepted);
        Assert.Equal(reason, ack.Reason);
        Assert.Equal("failed", summary.Status);
    }

    [Fact]
    public async Task An_upload_whose_header_claims_another_layout_is_refused_at_its_header()
    {
        var (ack, summary) = await AnswerOnce([TestRuns.Group(TensorGroup.Model, new ModelWeights([new NamedTensor("w", [3], [1f, 2f, 3f])]))]);

        Assert.False(ack.Accepted);
        Assert.Equal("invalid update: tensor 'w' of 'model' has shape [3], the model's is [2]", ack.Reason);
        Assert.Equal("failed", summary.Status);
    }

    [Fact]
    public async Task The_claims_the_coordinator_expects_are_accepted()
    {
        var (ack, summary) = await AnswerOnce([TestRuns.Group(TensorGroup.Model, new ModelWeights([new NamedTensor("w", [2], [1f, 2f])]))], examples: 2, steps: 2);

        Assert.True(ack.Accepted, ack.Reason);
        Assert.Equal("completed", summary.Status);
    }
}
