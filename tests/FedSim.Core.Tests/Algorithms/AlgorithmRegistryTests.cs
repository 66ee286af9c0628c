using FedSim.Core.Algorithms;
using FedSim.Core.LocalTraining;
using FedSim.Core.Tests.TestSupport;
using FedSim.Training;

namespace FedSim.Core.Tests.Algorithms;

/// <summary>Every registered algorithm has both halves, and what its party half asks of local training exists.</summary>
public sealed class AlgorithmRegistryTests
{
    public static TheoryData<string> Algorithms() =>
        [.. DefaultCatalog.Instance.Algorithms.All.Where(a => a.Implementation is not IAsyncAlgorithm).Select(a => a.Name)];

    public static TheoryData<string> AsyncAlgorithms() =>
        [.. DefaultCatalog.Instance.Algorithms.All.Where(a => a.Implementation is IAsyncAlgorithm).Select(a => a.Name)];

    [Fact]
    public void The_shipped_algorithms_are_registered()
    {
        Assert.Equal(["fedadagrad", "fedadam", "fedasync", "fedavg", "fedavgm", "fedbuff", "fednova", "fedprox", "fedyogi", "scaffold"], DefaultCatalog.Instance.Algorithms.Names);
    }

    [Theory]
    [MemberData(nameof(Algorithms))]
    public void Each_makes_its_strategy_and_its_party_half_and_the_party_half_s_hooks_are_known_kinds(string name)
    {
        var scenario = TestScenarios.Parse($"federation:\n  algorithm: {name}\n");
        var global = Tensors.WeightSet(("w", [1f, 2f]));

        var strategy = ScenarioAlgorithm.Strategy(scenario);
        var party = ScenarioAlgorithm.Party(scenario);
        var start = strategy.Initialize(global, 3);
        var plan = strategy.ConfigureRound(new RoundContext(1, 3, 3, 0), start);
        var hooks = party.Prepare(new PartyTask(1, plan.Parties[0].PartyId, start, plan.Parties[0].Instructions));

        Assert.Equal([0, 1, 2], plan.Parties.Select(p => p.PartyId));
        Assert.All(hooks, h => Assert.True(h is ProximalTerm or StepCorrection, $"{name} asks for a {h.GetType().Name} hook"));
        var payloads = party.Finish(new PartyTask(1, 0, start, plan.Parties[0].Instructions), new LocalOutcome(global, 4, 2, 0.5));
        var aggregator = strategy.BeginRound(1, start);
        aggregator.Add(new PartyResult(0, 4, 2, 0.5, 0.1, global) { Payloads = payloads });
        Assert.Equal(global.Count, aggregator.Finish([]).Global.Count);
    }

    [Theory]
    [MemberData(nameof(AsyncAlgorithms))]
    public void Each_asynchronous_one_makes_its_async_strategy_and_a_plain_party_half(string name)
    {
        var scenario = TestScenarios.Parse($"federation:\n  algorithm: {name}\n  mode: async\n");
        var global = Tensors.WeightSet(("w", [1f, 2f]));

        var server = ScenarioAlgorithm.AsyncStrategy(scenario);
        var party = ScenarioAlgorithm.Party(scenario);

        Assert.Empty(party.Prepare(new PartyTask(1, 0, global, PartyInstructions.None)));
        var update = new AsyncUpdate(0, Tensors.WeightSet(("w", [3f, 2f])), global, 4, 0);
        var step = Enumerable.Range(0, 100).Select(_ => server.Offer(update, global)).First(s => s is not null)!;
        Assert.Equal(global.Count, step.Global.Count);
        Assert.True(step.Global[0].Data[0] > 1f, $"{name} did not move towards the update");
        Assert.Throws<InvalidOperationException>(() => ScenarioAlgorithm.Strategy(scenario));
    }
}
