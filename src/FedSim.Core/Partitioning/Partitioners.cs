using FedSim.Core.Scenarios;

namespace FedSim.Core.Partitioning;

/// <summary>Creates the partitioner a scenario names.</summary>
public static class Partitioners
{
    public static IPartitioner Create(PartitionSection section) => section.Strategy switch
    {
        "homo" => new HomoPartitioner(),
        "dirichlet" => new DirichletPartitioner(section.Beta, section.MinSize),
        _ => throw new ArgumentException($"partition.strategy: unknown strategy '{section.Strategy}'"),
    };
}
