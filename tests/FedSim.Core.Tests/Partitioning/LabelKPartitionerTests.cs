using FedSim.Core.Partitioning;
using FedSim.Core.Randomness;
using FedSim.Core.Scenarios;
using FedSim.Core.Tests.TestSupport;

namespace FedSim.Core.Tests.Partitioning;

public sealed class LabelKPartitionerTests
{
    private const int Classes = 10;
    private static readonly int[] Labels = SyntheticLabels.Balanced(6000, Classes);

    private static int[][] Split(int k, int parties, int seed, IReadOnlyList<int>? labels = null, int classes = Classes) =>
        new LabelKPartitioner(k).Split(labels ?? Labels, classes, parties, Seeds.Generator(seed));

    private static int[] PresentClasses(int[] party, IReadOnlyList<int> labels, int classes) =>
        SyntheticLabels.ClassCounts(labels, classes, party).Select((c, k) => (c, k)).Where(x => x.c > 0).Select(x => x.k).ToArray();


    [Fact]
    public void With_one_class_per_party_and_ten_parties_party_i_holds_exactly_class_i()
    {
        for (var seed = 0; seed < 10; seed++)
        {
            var parts = Split(1, 10, seed);

            for (var i = 0; i < 10; i++)
                Assert.Equal(Enumerable.Range(0, Labels.Length).Where(x => Labels[x] == i), parts[i].Order());
        }
    }

    [Theory]
    [InlineData(1, 7)]
    [InlineData(2, 10)]
    [InlineData(3, 10)]
    [InlineData(4, 25)]
    [InlineData(9, 13)]
    public void Every_party_has_exactly_k_classes_including_i_mod_K(int k, int parties)
    {
        // Each class has 600 samples and at most 25 owners, so every owner's share is non-empty and present == owned.
        for (var seed = 0; seed < 20; seed++)
        {
            var parts = Split(k, parties, seed);

            Assert.Equal(parties, parts.Length);
            for (var i = 0; i < parties; i++)
            {
                var present = PresentClasses(parts[i], Labels, Classes);
                Assert.Equal(k, present.Length);
                Assert.Contains(i % Classes, present);
            }
        }
    }

    [Theory]
    [InlineData(1, 4)]
    [InlineData(2, 3)]
    [InlineData(2, 10)]
    [InlineData(3, 20)]
    public void Exactly_the_indices_of_owned_classes_are_assigned_once_and_unowned_classes_are_dropped(int k, int parties)
    {
        // Unequal classes (20 + 13c samples) so shares differ; an owned class is one present at some party.
        var labels = SyntheticLabels.WithClassSizes(Enumerable.Range(0, Classes).Select(c => 20 + 13 * c).ToArray());
        var droppedSomewhere = false;
        for (var seed = 0; seed < 20; seed++)
        {
            var parts = Split(k, parties, seed, labels);
            var owned = parts.SelectMany(p => PresentClasses(p, labels, Classes)).ToHashSet();

            var expected = Enumerable.Range(0, labels.Length).Where(i => owned.Contains(labels[i]));
            Assert.Equal(expected, parts.SelectMany(p => p).Order());
            droppedSomewhere |= owned.Count < Classes;
        }
        // With 4 parties and k = 1 classes 4..9 are never owned; the check above is not vacuous there.
        if (k * parties < Classes) Assert.True(droppedSomewhere);
    }

    [Fact]
    public void With_fewer_parties_than_classes_and_k_one_the_classes_from_parties_on_are_dropped()
    {
        var parts = Split(1, 4, seed: 3);

        Assert.Equal(4 * 600, parts.Sum(p => p.Length));
        Assert.DoesNotContain(parts.SelectMany(p => p), i => Labels[i] >= 4);
    }

    [Fact]
    public void Each_class_is_split_equally_among_its_owners()
    {
        var labels = SyntheticLabels.WithClassSizes(Enumerable.Range(0, Classes).Select(c => 31 + 17 * c).ToArray());
        for (var seed = 0; seed < 20; seed++)
        {
            var counts = Split(3, 10, seed, labels).Select(p => SyntheticLabels.ClassCounts(labels, Classes, p)).ToArray();
            for (var c = 0; c < Classes; c++)
            {
                var shares = counts.Select(x => x[c]).Where(x => x > 0).ToArray();
                if (shares.Length == 0) continue;
                Assert.True(shares.Max() - shares.Min() <= 1, $"seed {seed}, class {c}: shares {string.Join(", ", shares)}");
            }
        }
    }

    [Fact]
    public void With_k_equal_to_the_class_count_every_party_gets_an_equal_share_of_every_class()
    {
        var parts = Split(Classes, 7, seed: 4);

        Assert.Equal(Enumerable.Range(0, Labels.Length), parts.SelectMany(p => p).Order());
        foreach (var p in parts)
            // 600 per class over 7 parties: 86 or 85.
            Assert.All(SyntheticLabels.ClassCounts(Labels, Classes, p), c => Assert.InRange(c, 85, 86));
    }

    [Fact]
    public void The_extra_classes_are_random_not_fixed()
    {
        var seen = new HashSet<int>();
        for (var seed = 0; seed < 30; seed++)
            seen.UnionWith(PresentClasses(Split(2, 10, seed)[0], Labels, Classes).Where(c => c != 0));

        // Party 0's second class ranges over many of classes 1..9 across seeds.
        Assert.True(seen.Count >= 6, $"party 0's extra class took only {seen.Count} values");
    }

    [Fact]
    public void More_classes_per_party_than_classes_is_rejected()
    {
        var e = Assert.Throws<ScenarioDataException>(() => Split(11, 10, seed: 0));

        Assert.Equal("partition.label-k.classes_per_party", e.Field);
        Assert.Contains("only 10 classes", e.Message);
    }

    [Fact]
    public void Fewer_than_one_class_per_party_is_rejected()
    {
        Assert.Equal("partition.label-k.classes_per_party", Assert.Throws<ScenarioDataException>(() => new LabelKPartitioner(0)).Field);
    }

    [Fact]
    public void It_is_deterministic_per_seed_and_differs_across_seeds()
    {
        Assert.Equal(Split(2, 10, seed: 5), Split(2, 10, seed: 5));
        Assert.NotEqual(Split(2, 10, seed: 5), Split(2, 10, seed: 6));
        // Even with no random class choice (k = 1) the shuffles depend on the seed.
        Assert.NotEqual(Split(1, 10, seed: 5), Split(1, 10, seed: 6));
    }

    [Fact]
    public void Each_party_list_is_shuffled_rather_than_grouped_by_class()
    {
        var party = Split(2, 10, seed: 2)[0];
        var labelsInOrder = party.Select(i => Labels[i]).ToArray();

        // Grouped by class there would be exactly one change of label; shuffled there are hundreds.
        Assert.True(labelsInOrder.Zip(labelsInOrder.Skip(1)).Count(x => x.First != x.Second) > 100);
    }
}
