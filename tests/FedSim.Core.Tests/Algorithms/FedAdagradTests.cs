using FedSim.Core.Algorithms;
using FedSim.Core.Tests.TestSupport;
using static FedSim.Core.Tests.TestSupport.Tensors;

namespace FedSim.Core.Tests.Algorithms;

public sealed class FedAdagradTests
{
    private static IStrategy Strategy(string options = "    tau: 0.01\n") =>
        ScenarioAlgorithm.Strategy(TestScenarios.Parse("federation:\n  algorithm: fedadagrad\n  fedadagrad:\n" + options));

    private static float Round(IStrategy s, int round, float global, float value) =>
        s.Aggregate(round, WeightSet(("w", [global])), [Result(0, 3, WeightSet(("w", [value])))], [])[0].Data[0];

    [Fact]
    public void Two_rounds_follow_the_update_rule_computed_by_hand()
    {
        var s = Strategy();
        s.Initialize(WeightSet(("w", [1f])), 4);

        // Round 1, delta = 0.5: m = 0.5 (beta1 0); v = 0.01^2 + 0.25 = 0.2501; step = 0.1 * 0.5 / (sqrt(0.2501) + 0.01) = 0.0980200.
        var w1 = Round(s, 1, 1f, 1.5f);
        Assert.Equal(1.0980200, w1, 6);
        // Round 2, delta = -0.2: m = -0.2; v = 0.2501 + 0.04 = 0.2901; step = 0.1 * -0.2 / (sqrt(0.2901) + 0.01) = -0.0364558.
        var w2 = Round(s, 2, w1, w1 - 0.2f);
        Assert.Equal(1.0615642, w2, 5);
    }

    [Fact]
    public void Equal_pseudo_gradients_give_shrinking_steps()
    {
        var s = Strategy("    server_lr: 1\n    tau: 1.0e-9\n");
        s.Initialize(WeightSet(("w", [0f])), 2);

        var w = 0f;
        var steps = new List<float>();
        for (var round = 1; round <= 4; round++)
        {
            var next = Round(s, round, w, w + 1f);
            steps.Add(next - w);
            w = next;
        }

        // v = k after k rounds of delta = 1: steps 1, 1/sqrt(2), 1/sqrt(3), 1/2.
        Assert.Equal([1, 1 / Math.Sqrt(2), 1 / Math.Sqrt(3), 0.5], steps.Select(x => (double)x), new ToleranceComparer(1e-5));
    }

    [Fact]
    public void Parties_train_as_in_fedavg_and_beta1_defaults_to_zero()
    {
        Assert.IsType<PlainParty>(ScenarioAlgorithm.Party(TestScenarios.Parse("federation:\n  algorithm: fedadagrad\n")));
        Assert.Equal(new FedAdagradOptions { ServerLr = 0.1, Beta1 = 0, Tau = 1e-3 }, new FedAdagradOptions());
    }

    private sealed class ToleranceComparer(double tolerance) : IEqualityComparer<double>
    {
        public bool Equals(double x, double y) => Math.Abs(x - y) <= tolerance;

        public int GetHashCode(double obj) => 0;
    }
}
