using FedSim.Core.Partitioning;
using FedSim.Core.Randomness;
using FedSim.Core.Scenarios;
using FedSim.Core.Tests.TestSupport;

namespace FedSim.Core.Tests.Partitioning;

public sealed class PartitionPlannerTests
{
    private static readonly int[] Labels = SyntheticLabels.Balanced(3000, 10);

    private static Scenario Scenario(string yaml) => ScenarioLoader.Parse(yaml, "p.yaml");

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
}
