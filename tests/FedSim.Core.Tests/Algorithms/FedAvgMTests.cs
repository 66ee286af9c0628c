using FedSim.Core.Algorithms;
using FedSim.Core.Tests.TestSupport;
using static FedSim.Core.Tests.TestSupport.Tensors;

namespace FedSim.Core.Tests.Algorithms;

public sealed class FedAvgMTests
{
    private static IStrategy Strategy(string options) =>
        ScenarioAlgorithm.Strategy(TestScenarios.Parse("federation:\n  algorithm: fedavgm\n  fedavgm:\n" + options));

    private static float Round(IStrategy s, int round, float global, float value) =>
        s.Aggregate(round, WeightSet(("w", [global])), [Result(0, 3, WeightSet(("w", [value])))], [])[0].Data[0];

    [Fact]
    public void Three_rounds_follow_the_update_rule_computed_by_hand()
    {
        var s = Strategy("    server_lr: 0.5\n    momentum: 0.9\n");
        s.Initialize(WeightSet(("w", [1f])), 4);

        // Round 1, delta = 0.5: u = 0.5, step 0.25.
        var w1 = Round(s, 1, 1f, 1.5f);
        Assert.Equal(1.25f, w1);
        // Round 2, delta = -0.25: u = 0.45 - 0.25 = 0.2, step 0.1.
        var w2 = Round(s, 2, w1, 1.0f);
        Assert.Equal(1.35, w2, 6);
        // Round 3, delta = 0: u = 0.18, step 0.09: momentum keeps moving the model when the parties agree with it.
        Assert.Equal(1.44, Round(s, 3, w2, w2), 6);
    }

    [Fact]
    public void Without_momentum_and_with_a_unit_rate_it_is_fedavg()
    {
        var global = WeightSet(("w", [0f, 1f]), ("b", [2f]));
        PartyResult[] results = [Result(0, 1, WeightSet(("w", [3f, -1f]), ("b", [2.5f]))), Result(1, 3, WeightSet(("w", [1f, 5f]), ("b", [0f])))];
        var m = Strategy("    server_lr: 1\n    momentum: 0\n");
        m.Initialize(global, 2);

        Assert.Equal(new WeightedAverage().Aggregate(1, global, results, []).Flatten(), m.Aggregate(1, global, results, []).Flatten());
    }

    [Fact]
    public void Parties_train_as_in_fedavg_and_the_defaults_are_unit_rate_and_momentum_0_9()
    {
        Assert.IsType<PlainParty>(ScenarioAlgorithm.Party(TestScenarios.Parse("federation:\n  algorithm: fedavgm\n")));
        Assert.Equal(new FedAvgMOptions { ServerLr = 1.0, Momentum = 0.9 }, new FedAvgMOptions());
    }
}
