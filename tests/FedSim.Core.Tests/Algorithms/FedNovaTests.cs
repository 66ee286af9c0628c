using FedSim.Core.Algorithms;
using FedSim.Core.Tests.TestSupport;
using FedSim.Core.Weights;

namespace FedSim.Core.Tests.Algorithms;

public sealed class FedNovaTests
{
    private static ModelWeights W(params float[] v) => new([new NamedTensor("w", [v.Length], v)]);

    private static PartyResult R(int id, long n, long steps, params float[] w) => new(id, n, steps, 0, 0, W(w));

    [Theory]
    [InlineData(1, 0.9, 1.0)]
    [InlineData(2, 0.0, 2.0)]
    // rho = 0.5, tau = 2: (2 - 0.5 * (1 - 0.25) / 0.5) / 0.5 = (2 - 0.75) / 0.5 = 2.5
    [InlineData(2, 0.5, 2.5)]
    // rho = 0.9, tau = 3: (3 - 0.9 * (1 - 0.729) / 0.1) / 0.1 = (3 - 2.439) / 0.1 = 5.61
    [InlineData(3, 0.9, 5.61)]
    public void The_normalising_factor_follows_the_momentum_formula(long steps, double rho, double expected) =>
        Assert.Equal(expected, FedNova.NormalisingFactor(steps, rho), 9);

    [Fact]
    public void Without_momentum_the_update_is_normalised_by_local_steps()
    {
        // global 1; A: w 0, n 1, tau 2; B: w 0.8, n 3, tau 1. p = (0.25, 0.75), a = (2, 1),
        // d = ((1-0)/2, (1-0.8)/1) = (0.5, 0.2); tau_eff = 0.25*2 + 0.75*1 = 1.25; sum p d = 0.125 + 0.15 = 0.275;
        // new = 1 - 1.25 * 0.275 = 0.65625 (FedAvg would give 0.6).
        var result = new FedNova.Server(0).Aggregate(1, W(1f), [R(0, 1, 2, 0f), R(1, 3, 1, 0.8f)], []);
        Assert.Equal(0.65625f, result[0].Data[0], 6);
    }

    [Fact]
    public void With_momentum_the_factors_use_rho()
    {
        // rho 0.5: a_A (tau 2) = 2.5, a_B (tau 1) = 1. d = (1/2.5, 0.2) = (0.4, 0.2); tau_eff = 0.25*2.5 + 0.75 = 1.375;
        // sum p d = 0.1 + 0.15 = 0.25; new = 1 - 1.375 * 0.25 = 0.65625.
        var result = new FedNova.Server(0.5).Aggregate(1, W(1f, 2f), [R(0, 1, 2, 0f, 2f), R(1, 3, 1, 0.8f, 2f)], []);
        Assert.Equal(0.65625f, result[0].Data[0], 6);
        Assert.Equal(2f, result[0].Data[1], 6);
    }

    // Equal step counts make every a_i equal, so FedNova is FedAvg whatever the momentum: the #C=1 paper cell
    // (10 parties of 6,000 samples, 940 steps each) relies on this (docs/reproduction.md).
    [Theory]
    [InlineData(0.0, 5)]
    [InlineData(0.9, 940)]
    public void Equal_steps_reduce_to_fedavg(double rho, long steps)
    {
        var results = new[] { R(0, 2, steps, 1f, -1f), R(1, 6, steps, 3f, 7f) };
        var nova = new FedNova.Server(rho).Aggregate(1, W(0.3f, -0.2f), results, []);
        var avg = new WeightedAverage().Aggregate(1, W(0.3f, -0.2f), results, []);
        Assert.Equal(2.5f, avg[0].Data[0], 5);
        Assert.Equal(5f, avg[0].Data[1], 5);
        Assert.Equal(avg[0].Data[0], nova[0].Data[0], 5);
        Assert.Equal(avg[0].Data[1], nova[0].Data[1], 5);
    }

    [Fact]
    public void A_result_without_steps_is_refused()
    {
        var e = Assert.Throws<InvalidDataException>(() => new FedNova.Server(0.9).Aggregate(1, W(0f), [R(4, 1, 0, 1f)], []));
        Assert.Contains("party 4", e.Message);
    }

    [Fact]
    public void A_later_round_reuses_the_accumulators_without_carrying_anything_over()
    {
        var fedNova = new FedNova.Server(0);
        var first = fedNova.Aggregate(1, W(1f), [R(0, 1, 2, 0f), R(1, 3, 1, 0.8f)], []);

        // Round 2 as in the first test above, from global 1 again: the same 0.65625, whatever round 1 left behind.
        var second = fedNova.Aggregate(2, W(1f), [R(0, 1, 2, 0f), R(1, 3, 1, 0.8f)], []);

        Assert.Equal(0.65625f, first[0].Data[0], 6);
        Assert.Equal(0.65625f, second[0].Data[0], 6);
    }
}
