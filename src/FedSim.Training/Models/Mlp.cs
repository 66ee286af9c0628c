using FedSim.Core.Components;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace FedSim.Training.Models;

/// <summary>NIID-Bench's tabular MLP: input -> 32 -> 16 -> 8 -> classes with ReLU, inputs flattened.</summary>
[Component("mlp", "NIID-Bench's MLP for any input (e.g. tabular): flattened input -> 32 -> 16 -> 8 -> classes with ReLU")]
internal sealed class Mlp : Model<NoOptions>
{
    protected override Module<Tensor, Tensor> Create(NoOptions options, IReadOnlyList<int> shape, int classes)
    {
        var inputs = shape.Aggregate(1, (a, b) => a * b);
        return Sequential(
            ("flatten", Flatten()),
            ("fc1", Linear(inputs, 32)),
            ("relu1", ReLU()),
            ("fc2", Linear(32, 16)),
            ("relu2", ReLU()),
            ("fc3", Linear(16, 8)),
            ("relu3", ReLU()),
            ("fc4", Linear(8, classes)));
    }
}
