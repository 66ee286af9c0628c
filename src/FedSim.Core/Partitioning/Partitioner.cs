using FedSim.Core.Components;
using FedSim.Core.LocalTraining;

namespace FedSim.Core.Partitioning;

/// <summary>
/// The base of every partitioner component. Its first option is its headline parameter: comparison tables label a
/// partition row with it (<c>dirichlet(0.5)</c>, <c>label-k(2)</c>).
/// </summary>
internal abstract class Partitioner<TOptions> : Component<TOptions>, IPartitionerComponent
    where TOptions : class, new()
{
    public sealed override ComponentKind Kind => ComponentKind.Partitioner;

    public IPartitioner Create(object? options, IReadOnlyList<int>? groups) => Create(Typed(options), groups);

    public IReadOnlyList<InputTransform> Transforms(object? options, int party, int parties) => Transforms(Typed(options), party, parties);

    protected abstract IPartitioner Create(TOptions options, IReadOnlyList<int>? groups);

    protected virtual IReadOnlyList<InputTransform> Transforms(TOptions options, int party, int parties) => [];
}
