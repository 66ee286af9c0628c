using FedSim.Core.Algorithms;
using FedSim.Core.LocalTraining;
using FedSim.Core.Tests.TestSupport;
using FedSim.Core.Weights;
using FedSim.Training;

namespace FedSim.Core.Tests.Algorithms;

public sealed class FedProxTests
{
    private static ModelWeights W(params float[] v) => new([new NamedTensor("w", [v.Length], v)]);

    private static IPartyAlgorithm Party(double mu) =>
        ScenarioAlgorithm.Party(DefaultCatalog.Schema.Load($"federation:\n  algorithm: fedprox\n  fedprox:\n    mu: {mu}\n", "s.yaml").Scenario);

    [Fact]
    public void Every_party_trains_with_a_proximal_term_of_mu_towards_the_round_s_global_model()
    {
        var global = W(1f, 2f);
        var hook = Assert.IsType<ProximalTerm>(Assert.Single(Party(0.25).Prepare(new PartyTask(3, 7, global, PartyInstructions.None))));

        Assert.Equal(0.25, hook.Mu);
        Assert.Same(global, hook.Anchor);
    }

    [Fact]
    public void Mu_zero_trains_plainly()
    {
        Assert.Empty(Party(0).Prepare(new PartyTask(1, 0, W(1f), PartyInstructions.None)));
    }

    [Fact]
    public void The_server_averages_by_data_size()
    {
        // 0.25 * [1, 2] + 0.75 * [5, 6] = [4, 5]
        var next = new WeightedAverage().Aggregate(1, W(0f, 0f), [new PartyResult(0, 1, 1, 0, 0, W(1f, 2f)), new PartyResult(1, 3, 1, 0, 0, W(5f, 6f))], []);
        Assert.Equal([4f, 5f], next[0].Data);
    }
}
