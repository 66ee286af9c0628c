using FedSim.Core.Algorithms;
using FedSim.Core.Metrics;
using FedSim.Core.Partitioning;
using FedSim.Core.Weights;
using FedSim.Party;
using FedSim.Protos.Conversion;
using FedSim.Protos.V1;
using Grpc.Net.Client;
using Microsoft.Extensions.Logging;

namespace FedSim.Coordinator.Tests;

/// <summary>What a strategy decides reaches the wire and the run folder: who takes part, what each is told, and its round metrics.</summary>
public sealed class StrategySeamTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "fedsim-seam-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_dir)) Directory.Delete(_dir, recursive: true);
    }

    /// <summary>Picks parties 2 and 0 (in that order) of three, tells party 2 a scalar, and reports which parties it kept.</summary>
    private sealed class Picky : Strategy
    {
        public override RoundPlan ConfigureRound(RoundContext round, ModelWeights globalModel) =>
            new([
                new PartyPlan(2, new PartyInstructions { Params = new Dictionary<string, double> { ["lr_scale"] = 0.5 } }),
                new PartyPlan(0, PartyInstructions.None),
            ]);

        public override IRoundAggregator BeginRound(int round, ModelWeights globalModel) => new Kept(new SizeWeightedAggregator(globalModel, Buffers));

        private sealed class Kept(SizeWeightedAggregator inner) : IRoundAggregator
        {
            private readonly List<int> _parties = [];

            public int Count => inner.Count;

            public void Add(PartyResult result)
            {
                inner.Add(result);
                _parties.Add(result.PartyId);
            }

            public RoundAggregate Finish(IReadOnlyList<PartyFailure> failures) =>
                inner.Finish(failures) with
                {
                    Metrics = new Dictionary<string, object> { ["kept_parties"] = string.Join(' ', _parties.Order()), ["kept"] = _parties.Count },
                };

            public void Dispose() => inner.Dispose();
        }
    }

    private sealed class ZeroEvaluator : IGlobalEvaluator
    {
        public (ClassificationMetrics Metrics, double Loss) Evaluate(ModelWeights weights) => (new ClassificationMetrics(0.5, 0, 0, 0, 1), 0);
    }

    [Fact]
    public async Task Only_the_parties_the_strategy_chose_get_tasks_each_with_its_instructions_and_its_metrics_land_in_metrics_csv()
    {
        var scenario = TestRuns.Scenario("name: seam\npartition:\n  parties: 3\nfederation:\n  rounds: 1\n  min_parties: 1\n  round_timeout_s: 60\n");
        var state = TestRuns.State(scenario, PartitionReport.Compute("homo", 0, [0, 1, 0, 1, 0, 1], 2, [[0, 1], [2, 3], [4, 5]]));
        await using var server = await CoordinatorServer.StartAsync(state, new Uri("http://127.0.0.1:0"), LogLevel.Warning, CancellationToken.None);
        var global = new ModelWeights([new NamedTensor("w", [1], [0f])]);
        var run = new RoundLoop(state, new Picky(), new ZeroEvaluator(), new RunRecorder(_dir), new NoObserver()).RunAsync(global, CancellationToken.None);

        using var channel = GrpcChannel.ForAddress(server.Address);
        var client = new Federation.FederationClient(channel);
        var node = await client.RegisterAsync(new RegisterRequest { ProtocolVersion = ProtocolVersion._2, NodeName = "n", PartyIds = { 0, 1, 2 } });
        using var stream = client.Subscribe(new SubscribeRequest { NodeId = node.NodeId });
        var told = new Dictionary<int, IReadOnlyDictionary<string, double>>();
        for (var i = 0; i < 2; i++)
        {
            Assert.True(await stream.ResponseStream.MoveNext(CancellationToken.None));
            var task = stream.ResponseStream.Current.Task;
            var fetched = await FederationClientStreams.FetchAsync(client, node.NodeId, task.TaskId, state.Downlink, CancellationToken.None);
            told[task.PartyId] = fetched.Header.Params.ToDictionary();
            var header = new ResultHeader { NodeId = node.NodeId, TaskId = task.TaskId, PartyId = task.PartyId, Status = ResultStatus.Ok, NumExamples = 2, LocalSteps = 1 };
            var weights = new ModelWeights([new NamedTensor("w", [1], [task.PartyId + 1f])]);
            Assert.True((await FederationClientStreams.SubmitAsync(client, header, [TestRuns.Group(TensorGroup.Model, weights)], CancellationToken.None)).Ack.Accepted);
        }
        var summary = await run.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal("completed", summary.Status);
        Assert.Equal([0, 2], told.Keys.Order());
        Assert.Equal(0.5, told[2]["lr_scale"]);
        Assert.Empty(told[0]);
        var row = Assert.Single(Csv.Read(Path.Combine(_dir, "metrics.csv")));
        Assert.Equal(("2", "2", "0 2", "2"), (row["parties_sampled"], row["parties_ok"], row["kept_parties"], row["kept"]));
        Assert.DoesNotContain(Csv.Read(Path.Combine(_dir, "parties.csv")), p => p["party"] == "1");
    }
}
