using FedSim.Core.Components;
using static TorchSharp.torch;

namespace FedSim.Training.Models;

/// <summary>A registered model architecture: builds a fresh module for an input shape and a number of classes.</summary>
internal interface IModelComponent : IComponent
{
    /// <summary>Throws <see cref="ArgumentException"/> for inputs the architecture cannot take (e.g. a CNN given tabular rows).</summary>
    nn.Module<Tensor, Tensor> Create(object? options, IReadOnlyList<int> sampleShape, int classes);
}
