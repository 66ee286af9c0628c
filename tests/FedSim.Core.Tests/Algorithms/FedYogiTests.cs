using FedSim.Core.Algorithms;
using FedSim.Core.Tests.TestSupport;
using static FedSim.Core.Tests.TestSupport.Tensors;

namespace FedSim.Core.Tests.Algorithms;

public sealed class FedYogiTests
{
    private static IStrategy Strategy(string options = "    server_lr: 0.1\n    tau: 0.01\n") =>
        ScenarioAlgorithm.Strategy(TestScenarios.Parse("federation:\n  algorithm: fedyogi\n  fedyogi:\n" + options));

    private static float Round(IStrategy s, int round, float global, float value) =>
        s.Aggregate(round, WeightSet(("w", [global])), [Result(0, 3, WeightSet(("w", [value])))], [])[0].Data[0];

    [Fact]
    public void Three_rounds_follow_the_update_rule_computed_by_hand_with_v_growing_then_shrinking()
    {
        var s = Strategy();
        s.Initialize(WeightSet(("w", [1f])), 4);

        // Round 1, delta = 0.5: m = 0.05; v = 0.0001 - 0.01 * 0.25 * sign(0.0001 - 0.25) = 0.0026;
        // step = 0.1 * 0.05 / (sqrt(0.0026) + 0.01) = 0.0819804.
        var w1 = Round(s, 1, 1f, 1.5f);
        Assert.Equal(1.0819804, w1, 6);
        // Round 2, delta = -0.2: m = 0.025; v = 0.0026 + 0.01 * 0.04 = 0.003 (v < delta^2: it grows);
        // step = 0.1 * 0.025 / (sqrt(0.003) + 0.01) = 0.0385968.
        var w2 = Round(s, 2, w1, w1 - 0.2f);
        Assert.Equal(1.1205772, w2, 5);
        // Round 3, delta = 0.01: m = 0.0235; v = 0.003 - 0.01 * 0.0001 = 0.002999 (v > delta^2: it shrinks);
        // step = 0.1 * 0.0235 / (sqrt(0.002999) + 0.01) = 0.0362861.
        var w3 = Round(s, 3, w2, w2 + 0.01f);
        Assert.Equal(1.1568632, w3, 5);
    }

    [Fact]
    public void Its_second_moment_is_not_adam_s()
    {
        var yogi = Strategy();
        var adam = ScenarioAlgorithm.Strategy(TestScenarios.Parse("federation:\n  algorithm: fedadam\n  fedadam:\n    server_lr: 0.1\n    tau: 0.01\n"));
        yogi.Initialize(WeightSet(("w", [1f])), 2);
        adam.Initialize(WeightSet(("w", [1f])), 2);

        Assert.NotEqual(Round(adam, 1, 1f, 1.5f), Round(yogi, 1, 1f, 1.5f));
    }

    [Fact]
    public void Parties_train_as_in_fedavg_and_the_defaults_are_the_paper_s()
    {
        Assert.IsType<PlainParty>(ScenarioAlgorithm.Party(TestScenarios.Parse("federation:\n  algorithm: fedyogi\n")));
        Assert.Equal(new FedYogiOptions { ServerLr = 0.01, Beta1 = 0.9, Beta2 = 0.99, Tau = 1e-3 }, new FedYogiOptions());
    }
}
