using FedSim.Core.Partitioning;
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
}
