using FedSim.Core.Algorithms;
using FedSim.Core.Tests.TestSupport;
using static FedSim.Core.Tests.TestSupport.Tensors;

namespace FedSim.Core.Tests.Algorithms;

public sealed class FedAdamTests
{
    private static IStrategy Strategy(string options = "    server_lr: 0.1\n    tau: 0.01\n") =>
        ScenarioAlgorithm.Strategy(TestScenarios.Parse("federation:\n  algorithm: fedadam\n  fedadam:\n" + options));

    /// <summary>One round in which every party sends <paramref name="value"/> for the single weight.</summary>
    private static float Round(IStrategy s, int round, float global, float value) =>
        s.Aggregate(round, WeightSet(("w", [global])), [Result(0, 3, WeightSet(("w", [value])))], [])[0].Data[0];

    [Fact]
    public void Two_rounds_follow_the_update_rule_computed_by_hand()
    {
        var s = Strategy();
        s.Initialize(WeightSet(("w", [1f])), 4);

        // Round 1, delta = 0.5: m = 0.1 * 0.5 = 0.05; v = 0.99 * 0.01^2 + 0.01 * 0.25 = 0.002599;
        // step = 0.1 * 0.05 / (sqrt(0.002599) + 0.01) = 0.0819936.
        var w1 = Round(s, 1, 1f, 1.5f);
        Assert.Equal(1.0819936, w1, 6);
        // Round 2, delta = -0.2: m = 0.9 * 0.05 - 0.1 * 0.2 = 0.025; v = 0.99 * 0.002599 + 0.01 * 0.04 = 0.00297301;
        // step = 0.1 * 0.025 / (sqrt(0.00297301) + 0.01) = 0.0387445: the momentum still pushes up against a negative delta.
        var w2 = Round(s, 2, w1, w1 - 0.2f);
        Assert.Equal(1.1207381, w2, 5);
    }

    [Fact]
    public void Without_momentum_or_memory_the_step_is_the_server_lr_times_the_sign_of_the_pseudo_gradient()
    {
        var s = Strategy("    server_lr: 0.25\n    beta1: 0\n    beta2: 0\n    tau: 1.0e-9\n");
        s.Initialize(WeightSet(("w", [0f, 0f])), 2);

        var next = s.Aggregate(1, WeightSet(("w", [0f, 0f])), [Result(0, 1, WeightSet(("w", [3f, -0.001f])))], []);

        Assert.Equal(0.25, next[0].Data[0], 6);
        Assert.Equal(-0.25, next[0].Data[1], 6);
    }

    [Fact]
    public void No_change_from_the_parties_moves_nothing_and_the_defaults_are_the_paper_s()
    {
        var s = Strategy("    beta1: 0.9\n");
        s.Initialize(WeightSet(("w", [2f])), 2);

        Assert.Equal(2f, Round(s, 1, 2f, 2f));
        Assert.Equal(new FedAdamOptions { ServerLr = 0.01, Beta1 = 0.9, Beta2 = 0.99, Tau = 1e-3 }, new FedAdamOptions());
    }

    [Fact]
    public void Parties_train_as_in_fedavg()
    {
        var party = ScenarioAlgorithm.Party(TestScenarios.Parse("federation:\n  algorithm: fedadam\n"));

        Assert.IsType<PlainParty>(party);
    }

    [Theory]
    [InlineData("    beta1: 1\n", "federation.fedadam.beta1: 1 is out of range (a number >= 0 and < 1)")]
    [InlineData("    tau: 0\n", "federation.fedadam.tau: 0 is out of range (a number > 0)")]
    [InlineData("    server_lr: -1\n", "federation.fedadam.server_lr: -1 is out of range (a number > 0)")]
    public void Options_out_of_bounds_are_refused(string options, string message)
    {
        var e = Assert.Single(Assert.Throws<Core.Scenarios.ScenarioException>(() => Strategy(options)).Errors);

        Assert.EndsWith(message, e.ToString());
    }
}
