using FedSim.Core.Partitioning;

namespace FedSim.Core.Tests.Partitioning;

public sealed class FeatureNoiseTests
{
    [Fact]
    public void Party_zero_is_clean_and_the_last_party_gets_the_full_sigma()
    {
        Assert.Equal(0.0, FeatureNoise.StdFor(0, 10, 0.1));
        Assert.Equal(0.1, FeatureNoise.StdFor(9, 10, 0.1), 15);
        Assert.Equal(2.5, FeatureNoise.StdFor(4, 5, 2.5), 15);
    }

    [Fact]
    public void The_std_grows_linearly_over_the_parties()
    {
        // sigma * i / (n - 1): with sigma 0.3 and 4 parties, 0, 0.1, 0.2, 0.3.
        Assert.Equal([0.0, 0.1, 0.2, 0.3], Enumerable.Range(0, 4).Select(i => Math.Round(FeatureNoise.StdFor(i, 4, 0.3), 12)));
        var steps = Enumerable.Range(1, 9).Select(i => FeatureNoise.StdFor(i, 10, 0.1) - FeatureNoise.StdFor(i - 1, 10, 0.1));
        Assert.All(steps, d => Assert.Equal(0.1 / 9, d, 12));
    }

    [Fact]
    public void A_single_party_gets_no_noise()
    {
        Assert.Equal(0.0, FeatureNoise.StdFor(0, 1, 0.1));
    }

    [Fact]
    public void A_party_outside_the_federation_is_rejected()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => FeatureNoise.StdFor(10, 10, 0.1));
        Assert.Throws<ArgumentOutOfRangeException>(() => FeatureNoise.StdFor(-1, 10, 0.1));
    }
}
