using FedSim.Core.Partitioning;
using FedSim.Core.Randomness;
using FedSim.Core.Tests.TestSupport;

namespace FedSim.Core.Tests.Partitioning;

public sealed class HomoPartitionerTests
{
    private static int[][] Split(int n, int parties, int seed) =>
        new HomoPartitioner().Split(SyntheticLabels.Balanced(n, 10), 10, parties, Seeds.Generator(seed));


    [Fact]
    public void Sizes_follow_array_split_with_the_first_parties_one_larger()
    {
        // 1003 = 10 * 100 + 3: the first three parties get 101, the other seven 100.
        var sizes = Split(1003, 10, seed: 0).Select(p => p.Length);

        Assert.Equal([101, 101, 101, 100, 100, 100, 100, 100, 100, 100], sizes);
    }

    [Theory]
    [InlineData(6000, 10)]
    [InlineData(6001, 7)]
    [InlineData(5, 3)]
    public void Every_index_is_assigned_exactly_once_and_sizes_differ_by_at_most_one(int n, int parties)
    {
        for (var seed = 0; seed < 5; seed++)
        {
            var parts = Split(n, parties, seed);

            Assert.Equal(parties, parts.Length);
            Assert.Equal(Enumerable.Range(0, n), parts.SelectMany(p => p).Order());
            Assert.True(parts.Max(p => p.Length) - parts.Min(p => p.Length) <= 1);
        }
    }

    [Fact]
    public void More_parties_than_samples_leaves_the_last_parties_empty()
    {
        Assert.Equal([1, 1, 1, 0, 0], Split(3, 5, seed: 0).Select(p => p.Length));
    }

    [Fact]
    public void It_is_deterministic_per_seed_and_differs_across_seeds()
    {
        Assert.Equal(Split(6000, 10, seed: 5), Split(6000, 10, seed: 5));
        Assert.NotEqual(Split(6000, 10, seed: 5), Split(6000, 10, seed: 6));
    }

    [Fact]
    public void The_indices_are_permuted_not_cut_in_order()
    {
        var first = Split(6000, 10, seed: 1)[0];

        Assert.NotEqual(Enumerable.Range(0, 600), first);
        Assert.NotEqual(first.Order(), first);
    }
}
