using FedSim.Core.Metrics;
using FedSim.Core.Partitioning;
using FedSim.Core.Randomness;
using FedSim.Core.Scenarios;
using FedSim.Core.Tests.TestSupport;

namespace FedSim.Core.Tests.Partitioning;

public sealed class QuantityDirichletPartitionerTests
{
    private const int Classes = 10;
    private static readonly int[] Labels = SyntheticLabels.Balanced(6000, Classes);

    private static int[][] Split(double beta, int minSize, int seed, int parties = 10, IReadOnlyList<int>? labels = null, int maxAttempts = 10_000) =>
        new QuantityDirichletPartitioner(beta, minSize, maxAttempts).Split(labels ?? Labels, Classes, parties, Seeds.Generator(seed));


    [Theory]
    [InlineData(0.1, 10)]
    [InlineData(0.5, 10)]
    [InlineData(5.0, 10)]
    [InlineData(0.5, 3)]
    [InlineData(0.5, 37)]
    public void Every_index_is_assigned_exactly_once(double beta, int parties)
    {
        var labels = SyntheticLabels.Balanced(6001, Classes);
        for (var seed = 0; seed < 20; seed++)
        {
            var parts = Split(beta, 1, seed, parties, labels);

            Assert.Equal(parties, parts.Length);
            Assert.Equal(Enumerable.Range(0, labels.Length), parts.SelectMany(p => p).Order());
        }
    }

    [Fact]
    public void Every_party_gets_at_least_min_size_samples()
    {
        var sawSmallerWithoutMinimum = false;
        for (var seed = 0; seed < 20; seed++)
        {
            Assert.All(Split(0.5, 100, seed), p => Assert.True(p.Length >= 100, $"seed {seed}: party with {p.Length} < 100 samples"));
            sawSmallerWithoutMinimum |= Split(0.5, 0, seed).Any(p => p.Length < 100);
        }
        // The minimum is doing work: without it some of these draws give a party fewer than 100 samples.
        Assert.True(sawSmallerWithoutMinimum);
    }

    [Fact]
    public void Large_parties_keep_roughly_the_global_label_distribution()
    {
        // A party of m >= 1000 samples drawn without replacement from a uniform 10-class set has class fractions with
        // sd below sqrt(0.09 / 1000) = 0.0095; 0.05 is over five standard deviations. A label-skewing split would fail.
        var labels = SyntheticLabels.Balanced(20000, Classes);
        var checkedParties = 0;
        for (var seed = 0; seed < 20; seed++)
            foreach (var p in Split(0.5, 10, seed, labels: labels).Where(p => p.Length >= 1000))
            {
                checkedParties++;
                Assert.All(SyntheticLabels.ClassCounts(labels, Classes, p), c => Assert.InRange((double)c / p.Length, 0.05, 0.15));
            }
        Assert.True(checkedParties >= 50, $"only {checkedParties} parties of 1000+ samples");
    }

    [Fact]
    public void Sizes_spread_more_as_beta_falls()
    {
        // Expected CV of Dir(beta) over 10 parties is sqrt(9 / (10 beta + 1)): about 0.30, 0.90 and 2.1 for 10, 1, 0.1.
        double MeanCv(double beta) => Enumerable.Range(0, 20)
            .Average(seed => Summary.Of(Split(beta, 0, seed).Select(p => (double)p.Length)).CoefficientOfVariation);

        double cv10 = MeanCv(10), cv1 = MeanCv(1), cv01 = MeanCv(0.1);

        Assert.True(cv10 < cv1 && cv1 < cv01, $"CV for beta 10, 1, 0.1: {cv10}, {cv1}, {cv01}");
        Assert.InRange(cv10, 0.15, 0.45);
        Assert.InRange(cv1, 0.6, 1.2);
        Assert.True(cv01 > 1.4, $"CV for beta 0.1: {cv01}");
    }

    [Fact]
    public void A_minimum_more_than_the_data_can_give_is_rejected_up_front()
    {
        var e = Assert.Throws<ScenarioDataException>(() => Split(0.5, 601, seed: 0));

        Assert.Equal("partition.quantity-dirichlet.min_size", e.Field);
    }

    [Fact]
    public void A_minimum_no_draw_reaches_gives_up_after_the_attempt_limit()
    {
        // Dir(0.01) puts nearly all mass on one party, so 500 samples for each of 10 parties (of 6000) never comes up.
        var e = Assert.Throws<ScenarioDataException>(() => Split(0.01, 500, seed: 0, maxAttempts: 50));

        Assert.Equal("partition.quantity-dirichlet.min_size", e.Field);
        Assert.Contains("50 attempts", e.Message);
    }

    [Fact]
    public void It_is_deterministic_per_seed_and_differs_across_seeds()
    {
        Assert.Equal(Split(0.5, 10, seed: 7), Split(0.5, 10, seed: 7));
        Assert.NotEqual(Split(0.5, 10, seed: 7), Split(0.5, 10, seed: 8));
        Assert.NotEqual(Split(0.5, 10, seed: 7).Select(p => p.Length), Split(0.5, 10, seed: 8).Select(p => p.Length));
    }
}
