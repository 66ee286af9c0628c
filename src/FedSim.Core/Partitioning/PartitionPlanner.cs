using FedSim.Core.Randomness;
using FedSim.Core.Scenarios;

namespace FedSim.Core.Partitioning;

/// <summary>Turns a scenario and the training labels into its partition: same scenario and seed, same dataidxs.</summary>
public static class PartitionPlanner
{
    public static PartitionReport Plan(Scenario scenario, IReadOnlyList<int> labels, int classes)
    {
        var partitioner = Partitioners.Create(scenario.Partition);
        var rng = Seeds.Generator(Seeds.Derive(scenario.Seed, Seeds.Purpose.Partition));
        var dataidxs = partitioner.Split(labels, classes, scenario.Partition.Parties, rng);
        return PartitionReport.Compute(partitioner.Name, scenario.Seed, labels, classes, dataidxs);
    }
}
