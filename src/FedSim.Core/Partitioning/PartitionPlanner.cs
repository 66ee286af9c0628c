using FedSim.Core.Randomness;
using FedSim.Core.Scenarios;

namespace FedSim.Core.Partitioning;

/// <summary>Turns a scenario and the training labels into its partition: same scenario and seed, same dataidxs.</summary>
public static class PartitionPlanner
{
    /// <summary>The scenario's partition of <paramref name="labels"/>; <paramref name="groups"/> (per-sample writer / user ids) are needed by the <c>natural</c> strategy, ignored by the others.</summary>
    public static PartitionReport Plan(Scenario scenario, IReadOnlyList<int> labels, int classes, IReadOnlyList<int>? groups = null)
    {
        var strategy = scenario.Partition.Strategy;
        var component = strategy.Resolve<IPartitionerComponent>();
        var parties = scenario.Partition.Parties;
        var rng = Seeds.Generator(Seeds.Derive(scenario.Seed, Seeds.Purpose.Partition));
        var dataidxs = component.Create(strategy.Options, groups).Split(labels, classes, parties, rng);
        var report = PartitionReport.Compute(strategy.Name, scenario.Seed, labels, classes, dataidxs);
        return report with
        {
            Parties = report.Parties.Select(p => p with { Transforms = component.Transforms(strategy.Options, p.Id, parties) }).ToArray(),
        };
    }

    /// <summary>What is done to one party's inputs whenever they are read, as the scenario's partitioner says.</summary>
    public static IReadOnlyList<LocalTraining.InputTransform> TransformsFor(Scenario scenario, int party) =>
        scenario.Partition.Strategy.Resolve<IPartitionerComponent>().Transforms(scenario.Partition.Strategy.Options, party, scenario.Partition.Parties);
}
