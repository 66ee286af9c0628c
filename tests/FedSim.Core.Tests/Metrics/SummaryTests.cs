using FedSim.Core.Metrics;

namespace FedSim.Core.Tests.Metrics;

public sealed class SummaryTests
{
    [Fact]
    public void Mean_and_population_standard_deviation_are_hand_computed()
    {
        // Mean 40 / 8 = 5; squared deviations 9+1+1+1+0+0+4+16 = 32; population variance 32 / 8 = 4, sd 2 (the sample
        // sd would be sqrt(32 / 7)). CV = 2 / 5.
        var s = Summary.Of([2, 4, 4, 4, 5, 5, 7, 9]);

        Assert.Equal(8, s.Count);
        Assert.Equal(5.0, s.Mean, 12);
        Assert.Equal(2.0, s.Std, 12);
        Assert.Equal(2.0, s.Min);
        Assert.Equal(9.0, s.Max);
        Assert.Equal(0.4, s.CoefficientOfVariation, 12);
    }

    [Fact]
    public void An_empty_sample_is_all_zero()
    {
        Assert.Equal(new Summary(0, 0, 0, 0, 0), Summary.Of([]));
        Assert.Equal(0, Summary.Of([]).CoefficientOfVariation);
    }

    [Fact]
    public void A_zero_mean_gives_a_cv_of_zero()
    {
        var s = Summary.Of([-1, 1]);

        Assert.Equal(1.0, s.Std, 12);
        Assert.Equal(0, s.CoefficientOfVariation);
    }
}
