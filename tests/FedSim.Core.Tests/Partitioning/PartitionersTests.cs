using FedSim.Core.LocalTraining;
using FedSim.Core.Partitioning;
using FedSim.Core.Randomness;
using FedSim.Core.Scenarios;
using FedSim.Core.Tests.TestSupport;

namespace FedSim.Core.Tests.Partitioning;

public sealed class PartitionersTests
{
    private static (IPartitioner Partitioner, IReadOnlyList<InputTransform> FirstTransforms, Scenario Scenario) Of(string partition, IReadOnlyList<int>? groups = null)
    {
        var s = TestScenarios.Parse("partition:\n" + partition);
        var component = s.Partition.Strategy.Resolve<IPartitionerComponent>();
        return (component.Create(s.Partition.Strategy.Options, groups), component.Transforms(s.Partition.Strategy.Options, 0, s.Partition.Parties), s);
    }

    [Fact]
    public void Every_registered_partitioner_makes_its_split()
    {
        Assert.Equal(["dirichlet", "feature-noise", "homo", "label-k", "natural", "quantity-dirichlet"], TestScenarios.Schema.Catalog.Partitioners.Names);
        Assert.IsType<DirichletPartitioner>(Of("  strategy: dirichlet\n").Partitioner);
        Assert.IsType<HomoPartitioner>(Of("  strategy: homo\n").Partitioner);
        Assert.IsType<HomoPartitioner>(Of("  strategy: feature-noise\n").Partitioner);
        Assert.IsType<LabelKPartitioner>(Of("  strategy: label-k\n").Partitioner);
        Assert.IsType<QuantityDirichletPartitioner>(Of("  strategy: quantity-dirichlet\n").Partitioner);
        Assert.IsType<NaturalPartitioner>(Of("  strategy: natural\n").Partitioner);
    }

    [Fact]
    public void Label_k_takes_its_classes_per_party()
    {
        var p = Assert.IsType<LabelKPartitioner>(Of("  strategy: label-k\n  label-k:\n    classes_per_party: 3\n").Partitioner);

        Assert.Equal(3, p.ClassesPerParty);
    }

    [Fact]
    public void Quantity_dirichlet_takes_its_min_size_and_names_it_when_it_cannot_be_met()
    {
        var (p, _, _) = Of("  strategy: quantity-dirichlet\n  quantity-dirichlet:\n    min_size: 601\n");

        // 601 x 10 > 600 x 10 samples: the section's min_size is the one checked.
        Assert.Equal("partition.quantity-dirichlet.min_size", Assert.Throws<ScenarioDataException>(() => p.Split(new int[6000], 1, 10, Seeds.Generator(0))).Field);
    }

    [Fact]
    public void Feature_noise_gives_each_party_gaussian_noise_of_its_std_and_the_others_give_none()
    {
        var s = TestScenarios.Parse("partition:\n  strategy: feature-noise\n  parties: 4\n  feature-noise:\n    noise_sigma: 0.6\n");

        var stds = Enumerable.Range(0, 4).Select(i => Assert.IsType<GaussianNoise>(Assert.Single(PartitionPlanner.TransformsFor(s, i))).Std);

        Assert.Equal([0.0, 0.2, 0.4, 0.6], stds.Select(x => Math.Round(x, 12)));
        Assert.Empty(Of("  strategy: dirichlet\n").FirstTransforms);
        Assert.Empty(Of("  strategy: homo\n").FirstTransforms);
    }

    [Fact]
    public void Natural_uses_the_given_group_ids()
    {
        var parts = Of("  strategy: natural\n  parties: 2\n", [5, 6, 5, 6]).Partitioner.Split([0, 0, 0, 0], 1, 2, Seeds.Generator(0));

        Assert.Equal([[0, 2], [1, 3]], parts.Select(x => x.Order().ToArray()).OrderBy(x => x[0]));
    }

    [Fact]
    public void Natural_without_group_ids_fails_on_the_strategy_when_splitting()
    {
        var p = Of("  strategy: natural\n  parties: 2\n").Partitioner;

        var e = Assert.Throws<ScenarioDataException>(() => p.Split([0, 0, 0, 0], 1, 2, Seeds.Generator(0)));
        Assert.Equal("partition.strategy", e.Field);
        Assert.Contains("dataset.csv.group_column", e.Message);
    }
}
