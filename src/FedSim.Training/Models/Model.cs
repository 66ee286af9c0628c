using FedSim.Core.Components;
using static TorchSharp.torch;

namespace FedSim.Training.Models;

/// <summary>The base of every model component.</summary>
internal abstract class Model<TOptions> : Component<TOptions>, IModelComponent
    where TOptions : class, new()
{
    public sealed override ComponentKind Kind => ComponentKind.Model;

    public nn.Module<Tensor, Tensor> Create(object? options, IReadOnlyList<int> sampleShape, int classes) =>
        Create(Typed(options), sampleShape, classes);

    protected abstract nn.Module<Tensor, Tensor> Create(TOptions options, IReadOnlyList<int> sampleShape, int classes);
}
