using FedSim.Core.Randomness;

namespace FedSim.Core.Tests.Randomness;

public sealed class SeedsTests
{
    private static readonly long[] Purposes = [Seeds.Purpose.Partition, Seeds.Purpose.Sampling, Seeds.Purpose.LocalShuffle, Seeds.Purpose.ModelInit];

    [Fact]
    public void Purposes_are_distinct_constants()
    {
        Assert.Equal(Purposes.Length, Purposes.Distinct().Count());
    }

    [Fact]
    public void Each_purpose_gets_a_different_seed()
    {
        for (var seed = 0; seed < 20; seed++)
        {
            var derived = Purposes.Select(p => Seeds.Derive(seed, p)).ToArray();
            Assert.Equal(derived.Length, derived.Distinct().Count());
        }
    }

    [Fact]
    public void Derivation_is_deterministic_and_non_negative()
    {
        for (var seed = 0; seed < 50; seed++)
            foreach (var p in Purposes)
            {
                Assert.Equal(Seeds.Derive(seed, p, 3), Seeds.Derive(seed, p, 3));
                Assert.True(Seeds.Derive(seed, p, 3) >= 0);
            }
        Assert.True(Seeds.Derive(int.MaxValue, Seeds.Purpose.Sampling, long.MaxValue) >= 0);
    }

    [Fact]
    public void Different_scenario_seeds_and_rounds_give_different_seeds()
    {
        var bySeed = Enumerable.Range(0, 100).Select(s => Seeds.Derive(s, Seeds.Purpose.Partition)).ToArray();
        var byRound = Enumerable.Range(1, 100).Select(r => Seeds.Derive(0, Seeds.Purpose.Sampling, r)).ToArray();

        Assert.Equal(100, bySeed.Distinct().Count());
        Assert.Equal(100, byRound.Distinct().Count());
    }

    [Fact]
    public void The_order_of_the_parts_matters()
    {
        Assert.NotEqual(Seeds.Derive(0, 1, 2), Seeds.Derive(0, 2, 1));
    }

    [Fact]
    public void A_generator_with_the_same_seed_repeats_its_sequence()
    {
        var a = Seeds.Generator(17);
        var b = Seeds.Generator(17);
        var c = Seeds.Generator(18);

        var sa = Enumerable.Range(0, 20).Select(_ => a.Next()).ToArray();
        Assert.Equal(sa, Enumerable.Range(0, 20).Select(_ => b.Next()));
        Assert.NotEqual(sa, Enumerable.Range(0, 20).Select(_ => c.Next()));
    }
}
