using FedSim.Core.Weights;

namespace FedSim.Protos.Conversion;

/// <summary>A named group of tensors that travels in one stream: "model" or an algorithm payload.</summary>
public sealed record TensorGroup(string Name, ModelWeights Weights)
{
    public const string Model = "model";
}
