using FedSim.Core.Components;

namespace FedSim.Core.Scenarios;

/// <summary>The <c>partition</c> section: how many parties and which partitioner splits the training data.</summary>
public sealed record PartitionSection
{
    [Choice(ComponentKind.Partitioner, "how training data is split over parties")]
    public ComponentChoice Strategy { get; init; } = new("dirichlet", new Partitioning.DirichletOptions());

    [Option("number of parties", Min = 1, Max = 1_000_000)]
    public int Parties { get; init; } = 10;
}
