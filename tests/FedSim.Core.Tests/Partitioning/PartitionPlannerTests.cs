using FedSim.Core.Partitioning;
using FedSim.Core.Randomness;
using FedSim.Core.Scenarios;
using FedSim.Core.Tests.TestSupport;

namespace FedSim.Core.Tests.Partitioning;

public sealed class PartitionPlannerTests
{
    private static readonly int[] Labels = SyntheticLabels.Balanced(3000, 10);

    private static Scenario Scenario(string yaml) => TestScenarios.Parse(yaml, "p.yaml");

    [Fact]
    public void The_same_scenario_gives_the_same_partition()
    {
        var s = Scenario("seed: 5\npartition:\n  parties: 8\n  beta: 0.3\n");

        Assert.Equal(PartitionJson.Serialize(PartitionPlanner.Plan(s, Labels, 10)), PartitionJson.Serialize(PartitionPlanner.Plan(s, Labels, 10)));
    }

    [Fact]
    public void A_different_seed_gives_a_different_partition()
    {
        var a = PartitionPlanner.Plan(Scenario("seed: 5\n"), Labels, 10);
        var b = PartitionPlanner.Plan(Scenario("seed: 6\n"), Labels, 10);

        Assert.NotEqual(a.Parties.Select(p => p.DataIdxs), b.Parties.Select(p => p.DataIdxs));
    }

    [Fact]
    public void The_partition_uses_the_scenario_strategy_parameters_and_the_partition_seed_stream()
    {
        var s = Scenario("seed: 9\npartition:\n  parties: 6\n  beta: 0.2\n  min_size: 20\n");

        var report = PartitionPlanner.Plan(s, Labels, 10);
        var expected = new DirichletPartitioner(0.2, 20).Split(Labels, 10, 6, Seeds.Generator(Seeds.Derive(9, Seeds.Purpose.Partition)));

        Assert.Equal("dirichlet", report.Strategy);
        Assert.Equal(9, report.Seed);
        Assert.Equal(expected, report.Parties.Select(p => p.DataIdxs));
        Assert.All(report.Parties, p => Assert.True(p.Size >= 20));
    }

    [Fact]
    public void A_homo_scenario_gives_equal_shares()
    {
        var report = PartitionPlanner.Plan(Scenario("partition:\n  strategy: homo\n  parties: 7\n"), Labels, 10);

        // 3000 = 7 * 428 + 4: four parties of 429 and three of 428.
        Assert.Equal("homo", report.Strategy);
        Assert.Equal([429, 429, 429, 429, 428, 428, 428], report.Parties.Select(p => p.Size));
    }

    [Fact]
    public void A_feature_noise_scenario_gives_the_homo_split_and_each_party_its_noise_std()
    {
        var report = PartitionPlanner.Plan(Scenario("seed: 3\npartition:\n  strategy: feature-noise\n  parties: 4\n  noise_sigma: 0.3\n"), Labels, 10);
        var homo = PartitionPlanner.Plan(Scenario("seed: 3\npartition:\n  strategy: homo\n  parties: 4\n"), Labels, 10);

        Assert.Equal("feature-noise", report.Strategy);
        Assert.Equal(homo.Parties.Select(p => p.DataIdxs), report.Parties.Select(p => p.DataIdxs));
        Assert.Equal([0.0, 0.1, 0.2, 0.3], report.Parties.Select(p => Math.Round(Assert.IsType<Core.LocalTraining.GaussianNoise>(Assert.Single(p.Transforms)).Std, 12)));
        Assert.All(homo.Parties, p => Assert.Empty(p.Transforms));
    }

    [Fact]
    public void A_label_k_scenario_uses_its_classes_per_party()
    {
        var report = PartitionPlanner.Plan(Scenario("partition:\n  strategy: label-k\n  parties: 10\n  classes_per_party: 3\n"), Labels, 10);

        Assert.Equal("label-k", report.Strategy);
        Assert.All(report.Parties, p => Assert.Equal(3, p.ClassesPresent));
    }

    [Fact]
    public void A_quantity_dirichlet_scenario_keeps_every_sample_and_its_min_size()
    {
        var report = PartitionPlanner.Plan(Scenario("partition:\n  strategy: quantity-dirichlet\n  parties: 5\n  beta: 0.5\n  min_size: 50\n"), Labels, 10);

        Assert.Equal("quantity-dirichlet", report.Strategy);
        Assert.Equal(Labels.Length, report.Parties.Sum(p => p.Size));
        Assert.All(report.Parties, p => Assert.True(p.Size >= 50));
    }

    [Fact]
    public void A_natural_scenario_splits_by_the_given_groups()
    {
        // Three writers: indices 0..999, 1000..1999, 2000..2999.
        var groups = Enumerable.Range(0, Labels.Length).Select(i => i / 1000).ToArray();

        var report = PartitionPlanner.Plan(Scenario("partition:\n  strategy: natural\n  parties: 3\n"), Labels, 10, groups);

        Assert.Equal("natural", report.Strategy);
        Assert.All(report.Parties, p => Assert.Single(p.DataIdxs.Select(i => groups[i]).Distinct()));
        Assert.Equal([1000, 1000, 1000], report.Parties.Select(p => p.Size));
    }

    [Fact]
    public void A_natural_scenario_without_groups_is_a_data_error_on_the_strategy()
    {
        var e = Assert.Throws<ScenarioDataException>(() => PartitionPlanner.Plan(Scenario("partition:\n  strategy: natural\n  parties: 3\n"), Labels, 10));

        Assert.Equal("partition.strategy", e.Field);
    }
}
