using FedSim.Core.Partitioning;
using FedSim.Core.Randomness;
using FedSim.Core.Scenarios;

namespace FedSim.Core.Tests.Partitioning;

public sealed class NaturalPartitionerTests
{
    /// <summary>Sample i belongs to writer <c>ids[i % ids.Length]</c> when <paramref name="skewed"/> is false; otherwise
    /// writer j gets j + 1 times as many samples as writer 0, so groups differ in size.</summary>
    private static int[] Groups(int[] ids, int perGroup, bool skewed = false)
    {
        var groups = new List<int>();
        for (var j = 0; j < ids.Length; j++) groups.AddRange(Enumerable.Repeat(ids[j], perGroup * (skewed ? j + 1 : 1)));
        // Interleave deterministically so a group's samples are not contiguous.
        return groups.Select((g, i) => (g, key: (i * 7919L) % groups.Count)).OrderBy(x => x.key).Select(x => x.g).ToArray();
    }

    private static readonly int[] Ids = [1000, -5, 42, 7, 3, 99, 12, 0, 64, 8];

    private static int[][] Split(int[] groups, int parties, int seed) =>
        new NaturalPartitioner(groups).Split(new int[groups.Length], 1, parties, Seeds.Generator(seed));

    private static int[] GroupsOf(int[] party, int[] groups) => party.Select(i => groups[i]).Distinct().Order().ToArray();


    [Fact]
    public void With_as_many_parties_as_groups_each_party_holds_exactly_one_whole_group()
    {
        var groups = Groups(Ids, 20, skewed: true);
        for (var seed = 0; seed < 10; seed++)
        {
            var parts = Split(groups, Ids.Length, seed);

            Assert.All(parts, p => Assert.Single(GroupsOf(p, groups)));
            Assert.Equal(Ids.Order(), parts.Select(p => GroupsOf(p, groups)[0]).Order());
            foreach (var p in parts)
                Assert.Equal(groups.Count(g => g == groups[p[0]]), p.Length);
        }
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(7)]
    public void All_samples_of_a_group_go_to_one_party_and_groups_are_split_like_array_split(int parties)
    {
        var groups = Groups(Ids, 13, skewed: true);
        for (var seed = 0; seed < 10; seed++)
        {
            var parts = Split(groups, parties, seed);

            Assert.Equal(Enumerable.Range(0, groups.Length), parts.SelectMany(p => p).Order());
            var owner = new Dictionary<int, int>();
            for (var j = 0; j < parts.Length; j++)
                foreach (var i in parts[j])
                    Assert.Equal(j, owner.TryAdd(groups[i], j) ? j : owner[groups[i]]);
            // 10 groups over the parties: the first 10 mod parties parties get one more group.
            var expected = Cut.Even(Ids, parties).Select(x => x.Length);
            Assert.Equal(expected, parts.Select(p => GroupsOf(p, groups).Length));
        }
    }

    [Fact]
    public void Which_groups_a_party_gets_depends_on_the_seed()
    {
        var groups = Groups(Ids, 5);
        var firstGroups = Enumerable.Range(0, 20).Select(seed => GroupsOf(Split(groups, 10, seed)[0], groups)[0]).ToHashSet();

        Assert.True(firstGroups.Count >= 5, $"party 0 got only {firstGroups.Count} different writers over 20 seeds");
    }

    [Fact]
    public void Each_party_list_is_shuffled()
    {
        var groups = Groups(Ids, 50);
        var parts = Split(groups, 2, seed: 1);

        Assert.All(parts, p => Assert.NotEqual(p.Order(), p));
    }

    [Fact]
    public void It_is_deterministic_per_seed_and_differs_across_seeds()
    {
        var groups = Groups(Ids, 10, skewed: true);

        Assert.Equal(Split(groups, 4, seed: 3), Split(groups, 4, seed: 3));
        Assert.NotEqual(Split(groups, 4, seed: 3), Split(groups, 4, seed: 4));
    }

    [Fact]
    public void More_parties_than_groups_is_rejected()
    {
        var e = Assert.Throws<ScenarioDataException>(() => Split(Groups([1, 2, 3], 5), 4, seed: 0));

        Assert.Equal("partition.parties", e.Field);
        Assert.Contains("only 3 writers/users", e.Message);
    }

    [Fact]
    public void Group_ids_must_match_the_labels_one_to_one()
    {
        Assert.Throws<ArgumentException>(() => new NaturalPartitioner([0, 1, 2]).Split([0, 0], 1, 2, Seeds.Generator(0)));
    }
}
