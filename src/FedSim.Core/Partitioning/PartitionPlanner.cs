using FedSim.Core.Randomness;
using FedSim.Core.Scenarios;

namespace FedSim.Core.Partitioning;

/// <summary>Turns a scenario and the training labels into its partition: same scenario and seed, same dataidxs.</summary>
public static class PartitionPlanner
{
    /// <param name="groups">Per-sample writer / user ids; needed by the <c>natural</c> strategy, ignored by the others.</param>
    public static PartitionReport Plan(Scenario scenario, IReadOnlyList<int> labels, int classes, IReadOnlyList<int>? groups = null)
    {
        var partitioner = Partitioners.Create(scenario.Partition, groups);
        var rng = Seeds.Generator(Seeds.Derive(scenario.Seed, Seeds.Purpose.Partition));
        var dataidxs = partitioner.Split(labels, classes, scenario.Partition.Parties, rng);
        var report = PartitionReport.Compute(partitioner.Name, scenario.Seed, labels, classes, dataidxs);
        if (partitioner is FeatureNoisePartitioner noise)
        {
            var n = report.Parties.Count;
            report = report with { Parties = report.Parties.Select(p => p with { NoiseStd = noise.StdFor(p.Id, n) }).ToArray() };
        }
        return report;
    }
}
