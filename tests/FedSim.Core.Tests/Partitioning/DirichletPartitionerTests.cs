using FedSim.Core.Partitioning;
using FedSim.Core.Randomness;
using FedSim.Core.Scenarios;
using FedSim.Core.Tests.TestSupport;

namespace FedSim.Core.Tests.Partitioning;

public sealed class DirichletPartitionerTests
{
    private const int Classes = 10;
    private const int Parties = 10;
    private static readonly int[] Labels = SyntheticLabels.Balanced(6000, Classes);
    private static readonly double[] Betas = [0.1, 1.0, 100.0];

    private static int[][] Split(double beta, int minSize, int seed, IReadOnlyList<int>? labels = null, int classes = Classes, int parties = Parties) =>
        new DirichletPartitioner(beta, minSize).Split(labels ?? Labels, classes, parties, Seeds.Generator(seed));

    private static void AssertEveryIndexExactlyOnce(int[][] parts, int n)
    {
        var all = parts.SelectMany(p => p).ToArray();
        Assert.Equal(n, all.Length);
        Assert.Equal(Enumerable.Range(0, n), all.Order());
    }

    /// <summary>
    /// Checks the balancing rule from the output alone: processing classes in order, a party whose running size before
    /// class k is already >= N / parties gets share 0 of class k, so it receives nothing of it. One exception, shared
    /// with NIID-Bench's numpy code: the last party's piece ends at n_k rather than at floor(cumsum(p) * n_k), so when
    /// the renormalised shares of the others sum to a hair below 1 in floating point it still gets 1 sample
    /// (see CutTests.By_proportions_leaves_a_floating_point_remainder_to_the_last_piece).
    /// Returns how often a party was capped and how many samples reached the last party while it was capped.
    /// </summary>
    private static (int Capped, int LastPartyRemainders) AssertBalancingRule(int[][] parts, int[] labels, int classes)
    {
        var capacity = (double)labels.Length / parts.Length;
        int capped = 0, remainders = 0;
        for (var j = 0; j < parts.Length; j++)
        {
            var last = j == parts.Length - 1;
            var counts = SyntheticLabels.ClassCounts(labels, classes, parts[j]);
            var running = 0;
            for (var k = 0; k < classes; k++)
            {
                if (running >= capacity)
                {
                    capped++;
                    if (last) remainders += counts[k];
                    Assert.True(counts[k] <= (last ? 1 : 0), $"party {j} held {running} >= {capacity} samples before class {k} but received {counts[k]} of it");
                }
                running += counts[k];
            }
        }
        return (capped, remainders);
    }


    [Theory]
    [InlineData(0.05)]
    [InlineData(0.1)]
    [InlineData(0.5)]
    [InlineData(1.0)]
    [InlineData(5.0)]
    [InlineData(100.0)]
    public void Every_index_is_assigned_exactly_once(double beta)
    {
        for (var seed = 0; seed < 10; seed++)
        {
            var parts = Split(beta, 10, seed);

            Assert.Equal(Parties, parts.Length);
            AssertEveryIndexExactlyOnce(parts, Labels.Length);
        }
    }

    [Theory]
    [InlineData(2)]
    [InlineData(7)]
    [InlineData(37)]
    public void Every_index_is_assigned_exactly_once_for_other_party_counts_and_unequal_classes(int parties)
    {
        // Class k has 20 + 13k samples: N = 200 + 13 * 45 = 785, unequal classes and N not divisible by the party count.
        var labels = SyntheticLabels.WithClassSizes(Enumerable.Range(0, 10).Select(k => 20 + 13 * k).ToArray());
        for (var seed = 0; seed < 5; seed++)
        {
            var parts = Split(0.3, 1, seed, labels, 10, parties);

            Assert.Equal(parties, parts.Length);
            AssertEveryIndexExactlyOnce(parts, labels.Length);
        }
    }

    [Fact]
    public void Every_party_gets_at_least_min_size_samples()
    {
        var sawSmallerWithoutMinimum = false;
        for (var seed = 0; seed < 10; seed++)
        {
            Assert.All(Split(0.1, 100, seed), p => Assert.True(p.Length >= 100, $"seed {seed}: party with {p.Length} < 100 samples"));
            sawSmallerWithoutMinimum |= Split(0.1, 0, seed).Any(p => p.Length < 100);
        }
        // The minimum is doing work: without it, some of these splits give a party fewer than 100 samples.
        Assert.True(sawSmallerWithoutMinimum);
    }

    [Fact]
    public void The_same_seed_gives_identical_dataidxs()
    {
        foreach (var beta in new[] { 0.1, 0.5, 10.0 })
            Assert.Equal(Split(beta, 10, seed: 7), Split(beta, 10, seed: 7));
    }

    [Fact]
    public void Different_seeds_give_different_dataidxs()
    {
        Assert.NotEqual(Split(0.5, 10, seed: 1), Split(0.5, 10, seed: 2));
        Assert.NotEqual(Split(100, 10, seed: 1), Split(100, 10, seed: 2));
    }

    [Theory]
    [InlineData(0.05)]
    [InlineData(0.1)]
    [InlineData(0.5)]
    public void A_party_at_or_above_its_share_receives_nothing_from_later_classes(double beta)
    {
        var capped = 0;
        for (var seed = 0; seed < 20; seed++) capped += AssertBalancingRule(Split(beta, 0, seed), Labels, Classes).Capped;

        // Non-vacuous: some party did reach N / parties before the last class.
        Assert.True(capped > 0);
    }

    [Fact]
    public void After_a_large_first_class_fills_a_party_it_gets_no_more_samples()
    {
        // Class 0 has 3000 of the 6000 samples, then 30 classes of 100. With beta 0.05 class 0 mostly lands on one or two
        // parties, far over N / parties = 600; without balancing they would still take their share of the 3000 others.
        var sizes = Enumerable.Repeat(100, 30).Prepend(3000).ToArray();
        var labels = SyntheticLabels.WithClassSizes(sizes);
        var filledByClass0 = 0;
        for (var seed = 0; seed < 20; seed++)
        {
            var parts = Split(0.05, 0, seed, labels, sizes.Length);
            AssertBalancingRule(parts, labels, sizes.Length);
            foreach (var p in parts)
            {
                var counts = SyntheticLabels.ClassCounts(labels, sizes.Length, p);
                if (counts[0] < 600) continue;
                filledByClass0++;
                // Nothing after class 0, bar the last party's floating-point remainder of at most 1 per later class.
                Assert.InRange(p.Length - counts[0], 0, p == parts[^1] ? sizes.Length - 1 : 0);
            }
        }
        Assert.True(filledByClass0 > 0);
    }

    [Theory]
    [InlineData(0.05)]
    [InlineData(0.5)]
    public void With_many_small_classes_no_party_exceeds_its_share_by_more_than_one_class(double beta)
    {
        // 100 classes of 60 samples: N / parties = 600. A party can only pass 600 within the class during which it
        // crossed the cap, so every party ends below 600 + 60 (the last party plus its floating-point remainders).
        var labels = SyntheticLabels.Balanced(6000, 100);
        for (var seed = 0; seed < 20; seed++)
        {
            var parts = Split(beta, 0, seed, labels, 100);
            var (_, remainders) = AssertBalancingRule(parts, labels, 100);
            for (var j = 0; j < parts.Length; j++)
            {
                var size = parts[j].Length - (j == parts.Length - 1 ? remainders : 0);
                Assert.True(size < 600 + 60, $"seed {seed}: party {j} holds {size} >= 660 samples");
            }
        }
    }

    [Fact]
    public void Without_the_balancing_step_the_same_draws_would_break_that_bound()
    {
        // Shows the previous test can fail: the same Dirichlet(0.05) per-class draws and floor cuts, minus the zeroing of
        // full parties, put 660 or more samples on some party in most seeds.
        var broken = 0;
        for (var seed = 0; seed < 20; seed++)
        {
            var rng = Seeds.Generator(seed);
            var sizes = new int[Parties];
            for (var k = 0; k < 100; k++)
            {
                var pieces = Cut.ByProportions(new int[60], DirichletDraw.Sample(0.05, Parties, rng));
                for (var j = 0; j < Parties; j++) sizes[j] += pieces[j].Length;
            }
            if (sizes.Max() >= 660) broken++;
        }
        Assert.True(broken >= 10, $"only {broken} of 20 unbalanced splits exceeded the bound");
    }

    [Fact]
    public void Smaller_beta_gives_more_skew_on_average()
    {
        double Mean(double beta, Func<PartitionReport, double> figure) =>
            Enumerable.Range(0, 20).Average(seed => figure(PartitionReport.Compute("dirichlet", seed, Labels, Classes, Split(beta, 10, seed))));

        var js = Betas.Select(b => Mean(b, r => r.MeanJsDivergence)).ToArray();
        var cv = Betas.Select(b => Mean(b, r => r.SizeCoefficientOfVariation)).ToArray();

        Assert.True(js[0] > js[1] && js[1] > js[2], $"mean JS by beta 0.1, 1, 100: {string.Join(", ", js)}");
        Assert.True(cv[0] > cv[1] && cv[1] > cv[2], $"size CV by beta 0.1, 1, 100: {string.Join(", ", cv)}");
        // Nearly IID at beta 100: the label distribution of each party is close to the global one.
        Assert.True(js[2] < 0.01);
    }

    [Fact]
    public void Each_class_is_shuffled_before_it_is_cut()
    {
        // Without the per-class shuffle, each party's share of a class would be one contiguous run of that class's indices.
        var parts = Split(1.0, 10, seed: 3);
        var class0 = Enumerable.Range(0, Labels.Length).Where(i => Labels[i] == 0).ToList();
        var nonContiguous = parts.Count(p =>
        {
            var positions = p.Where(i => Labels[i] == 0).Select(i => class0.IndexOf(i)).Order().ToArray();
            return positions.Length >= 2 && positions[^1] - positions[0] + 1 != positions.Length;
        });

        Assert.True(nonContiguous > 0);
    }

    [Fact]
    public void Each_party_list_is_shuffled_at_the_end()
    {
        // Before the final shuffle a party's list is grouped by class in class order (labels non-decreasing).
        var parts = Split(1.0, 10, seed: 4);
        var multiClass = parts.Where(p => p.Select(i => Labels[i]).Distinct().Count() >= 2).ToArray();

        Assert.NotEmpty(multiClass);
        Assert.All(multiClass, p =>
        {
            var labels = p.Select(i => Labels[i]).ToArray();
            Assert.NotEqual(labels.Order(), labels);
        });
    }

    [Fact]
    public void A_min_size_that_needs_more_samples_than_exist_is_rejected_up_front()
    {
        var labels = SyntheticLabels.Balanced(1000, Classes);

        var e = Assert.Throws<ScenarioDataException>(() => new DirichletPartitioner(0.5, 101).Split(labels, Classes, 10, Seeds.Generator(0)));

        Assert.Equal("partition.dirichlet.min_size", e.Field);
        Assert.Contains("101", e.Message);
        Assert.Contains("10 parties", e.Message);
        Assert.Contains("1000", e.Message);
    }

    [Fact]
    public void A_min_size_no_draw_reaches_fails_after_the_allowed_attempts_with_advice()
    {
        // 10 x 100 = 1000 samples exactly: every party would need exactly 100, which Dirichlet(0.1) draws never give.
        var labels = SyntheticLabels.Balanced(1000, Classes);

        var e = Assert.Throws<ScenarioDataException>(() => new DirichletPartitioner(0.1, 100, maxAttempts: 20).Split(labels, Classes, 10, Seeds.Generator(0)));

        Assert.Equal("partition.dirichlet.min_size", e.Field);
        Assert.Contains("20 attempts", e.Message);
        Assert.Contains("partition.dirichlet.beta", e.Message);
    }

    [Theory]
    [InlineData(10)]
    [InlineData(-1)]
    public void A_label_outside_the_class_range_is_rejected_with_its_index(int bad)
    {
        int[] labels = [0, 1, bad, 2];

        var e = Assert.Throws<ArgumentException>(() => new DirichletPartitioner(0.5, 0).Split(labels, Classes, 2, Seeds.Generator(0)));

        Assert.Contains($"label {bad} at index 2", e.Message);
        Assert.Contains("0..9", e.Message);
    }
}
