using FedSim.Core.Partitioning;
using FedSim.Core.Randomness;
using FedSim.Core.Scenarios;

namespace FedSim.Core.Tests.Partitioning;

public sealed class PartitionersTests
{
    [Fact]
    public void Each_schema_strategy_has_a_partitioner_with_that_name()
    {
        foreach (var strategy in ScenarioSchema.PartitionStrategies)
            Assert.Equal(strategy, Partitioners.Create(new PartitionSection(strategy, 10, 0.5, 10)).Name);
    }

    [Fact]
    public void An_unknown_strategy_is_rejected_with_its_name()
    {
        var e = Assert.Throws<ArgumentException>(() => Partitioners.Create(new PartitionSection("shards", 10, 0.5, 10)));

        Assert.Contains("'shards'", e.Message);
    }

    [Fact]
    public void Label_k_takes_the_sections_classes_per_party()
    {
        var p = Assert.IsType<LabelKPartitioner>(Partitioners.Create(new PartitionSection("label-k", 10, 0.5, 10) { ClassesPerParty = 3 }));

        Assert.Equal(3, p.ClassesPerParty);
    }

    [Fact]
    public void Quantity_dirichlet_takes_the_sections_min_size()
    {
        var p = Partitioners.Create(new PartitionSection("quantity-dirichlet", 10, 0.5, 601));

        // 601 x 10 > 600 x 10 samples: the section's min_size is the one checked.
        Assert.Equal("partition.min_size", Assert.Throws<ScenarioDataException>(() => p.Split(new int[6000], 1, 10, Seeds.Generator(0))).Field);
    }

    [Fact]
    public void Feature_noise_takes_the_sections_sigma()
    {
        var p = Assert.IsType<FeatureNoisePartitioner>(Partitioners.Create(new PartitionSection("feature-noise", 10, 0.5, 10) { NoiseSigma = 0.25 }));

        Assert.Equal(0.25, p.Sigma);
    }

    [Fact]
    public void Natural_uses_the_given_group_ids()
    {
        var p = Partitioners.Create(new PartitionSection("natural", 2, 0.5, 10), [5, 6, 5, 6]);

        var parts = p.Split([0, 0, 0, 0], 1, 2, Seeds.Generator(0));

        Assert.Equal([[0, 2], [1, 3]], parts.Select(x => x.Order().ToArray()).OrderBy(x => x[0]));
    }

    [Fact]
    public void Natural_without_group_ids_fails_on_the_strategy_when_splitting()
    {
        var p = Partitioners.Create(new PartitionSection("natural", 2, 0.5, 10));

        var e = Assert.Throws<ScenarioDataException>(() => p.Split([0, 0, 0, 0], 1, 2, Seeds.Generator(0)));
        Assert.Equal("partition.strategy", e.Field);
        Assert.Contains("dataset.group_column", e.Message);
    }
}
