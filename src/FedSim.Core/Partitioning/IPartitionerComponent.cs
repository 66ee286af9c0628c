using FedSim.Core.Components;
using FedSim.Core.LocalTraining;

namespace FedSim.Core.Partitioning;

/// <summary>A registered partitioner: makes the split for its options, and says how each party's inputs are transformed.</summary>
internal interface IPartitionerComponent : IComponent
{
    /// <summary>The split for <paramref name="options"/>; <paramref name="groups"/> are per-sample writer / user ids, for partitioners that split by them (null when the dataset has none).</summary>
    IPartitioner Create(object? options, IReadOnlyList<int>? groups);

    /// <summary>What is done to one party's inputs every time they are read (e.g. feature noise); nothing for most.</summary>
    IReadOnlyList<InputTransform> Transforms(object? options, int party, int parties);
}
