using FedSim.Core.Randomness;

namespace FedSim.Core.Tests.Randomness;

public sealed class PartySamplerTests
{
    [Fact]
    public void A_sample_has_k_distinct_sorted_ids_in_range()
    {
        for (var round = 1; round <= 30; round++)
        {
            var ids = PartySampler.Sample(100, 10, seed: 42, round);

            Assert.Equal(10, ids.Length);
            Assert.Equal(ids.Length, ids.Distinct().Count());
            Assert.Equal(ids.Order(), ids);
            Assert.All(ids, id => Assert.InRange(id, 0, 99));
        }
    }

    [Fact]
    public void The_same_seed_and_round_give_the_same_sample()
    {
        Assert.Equal(PartySampler.Sample(50, 7, seed: 3, round: 4), PartySampler.Sample(50, 7, seed: 3, round: 4));
    }

    [Fact]
    public void Rounds_draw_different_samples()
    {
        var samples = Enumerable.Range(1, 10).Select(r => string.Join(",", PartySampler.Sample(100, 10, seed: 1, r))).ToArray();

        Assert.NotEqual(samples[0], samples[1]);
        Assert.True(samples.Distinct().Count() >= 9);
    }

    [Fact]
    public void Seeds_draw_different_samples()
    {
        Assert.NotEqual(PartySampler.Sample(100, 10, seed: 1, round: 1), PartySampler.Sample(100, 10, seed: 2, round: 1));
    }

    [Fact]
    public void Every_party_gets_picked_over_many_rounds()
    {
        var seen = Enumerable.Range(1, 200).SelectMany(r => PartySampler.Sample(20, 2, seed: 5, r)).Distinct().Count();

        Assert.Equal(20, seen);
    }

    [Theory]
    [InlineData(10)]
    [InlineData(11)]
    public void Asking_for_all_parties_or_more_gives_all(int perRound)
    {
        Assert.Equal(Enumerable.Range(0, 10), PartySampler.Sample(10, perRound, seed: 9, round: 1));
    }

    [Fact]
    public void One_fewer_than_all_leaves_exactly_one_out()
    {
        var ids = PartySampler.Sample(10, 9, seed: 9, round: 2);

        Assert.Single(Enumerable.Range(0, 10).Except(ids));
    }
}
