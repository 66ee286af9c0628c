using FedSim.Core.Partitioning;
using FedSim.Core.Randomness;
using FedSim.Core.Tests.TestSupport;

namespace FedSim.Core.Tests.Partitioning;

public sealed class FeatureNoisePartitionerTests
{
    private static readonly int[] Labels = SyntheticLabels.Balanced(1003, 10);


    [Fact]
    public void The_split_is_the_homo_split_for_the_same_generator()
    {
        for (var seed = 0; seed < 10; seed++)
            Assert.Equal(new HomoPartitioner().Split(Labels, 10, 7, Seeds.Generator(seed)),
                FeatureNoiseSplit().Split(Labels, 10, 7, Seeds.Generator(seed)));
    }

    [Fact]
    public void Sizes_follow_array_split_and_every_index_is_assigned_once()
    {
        var parts = FeatureNoiseSplit().Split(Labels, 10, 10, Seeds.Generator(3));

        Assert.Equal([101, 101, 101, 100, 100, 100, 100, 100, 100, 100], parts.Select(p => p.Length));
        Assert.Equal(Enumerable.Range(0, Labels.Length), parts.SelectMany(p => p).Order());
    }

    [Fact]
    public void It_is_deterministic_per_seed_and_differs_across_seeds()
    {
        int[][] Split(int seed) => FeatureNoiseSplit().Split(Labels, 10, 5, Seeds.Generator(seed));

        Assert.Equal(Split(1), Split(1));
        Assert.NotEqual(Split(1), Split(2));
    }

    [Fact]
    public void Its_per_party_std_grows_from_zero_to_sigma()
    {
        Assert.Equal([0.0, 0.2, 0.4, 0.6], Enumerable.Range(0, 4).Select(i => Math.Round(FeatureNoise.StdFor(i, 4, 0.6), 12)));
        Assert.Equal(0.0, FeatureNoise.StdFor(0, 1, 0.6));
    }

    private static IPartitioner FeatureNoiseSplit() => ((IPartitionerComponent)new FeatureNoise()).Create(new FeatureNoiseOptions { NoiseSigma = 0.1 }, null);
}
