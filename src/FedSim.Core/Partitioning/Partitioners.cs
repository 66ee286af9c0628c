using FedSim.Core.Scenarios;

namespace FedSim.Core.Partitioning;

/// <summary>Creates the partitioner a scenario names.</summary>
public static class Partitioners
{
    /// <param name="section">The scenario's partition section.</param>
    /// <param name="groups">Per-sample writer / user ids, for <c>natural</c>; without them a natural partitioner is still
    /// created, but its <see cref="IPartitioner.Split"/> throws a <see cref="ScenarioDataException"/> on <c>partition.strategy</c>.</param>
    public static IPartitioner Create(PartitionSection section, IReadOnlyList<int>? groups = null) => section.Strategy switch
    {
        "homo" => new HomoPartitioner(),
        "dirichlet" => new DirichletPartitioner(section.Beta, section.MinSize),
        "label-k" => new LabelKPartitioner(section.ClassesPerParty),
        "quantity-dirichlet" => new QuantityDirichletPartitioner(section.Beta, section.MinSize),
        "feature-noise" => new FeatureNoisePartitioner(section.NoiseSigma),
        "natural" => groups is null ? NaturalPartitioner.WithoutGroups() : new NaturalPartitioner(groups),
        _ => throw new ArgumentException($"partition.strategy: unknown strategy '{section.Strategy}'"),
    };
}
