using FedSim.Core.Components;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace FedSim.Training.Models;

/// <summary>
/// NIID-Bench's simple CNN: conv(C->6, 5x5), ReLU, max-pool 2; conv(6->16, 5x5), ReLU, max-pool 2; FC -> 120 -> 84 -> classes.
/// 44,426 parameters for 1x28x28 inputs and 10 classes; 62,006 for 3x32x32.
/// </summary>
[Component("simple-cnn", "NIID-Bench's CNN for images: two 5x5 conv + max-pool layers, then 120 -> 84 -> classes (44,426 parameters on 28x28x1)")]
internal sealed class SimpleCnn : Model<NoOptions>
{
    protected override Module<Tensor, Tensor> Create(NoOptions options, IReadOnlyList<int> shape, int classes)
    {
        if (shape.Count != 3) throw new ArgumentException($"simple-cnn needs image inputs [C, H, W], got [{string.Join(", ", shape)}]");
        var h = (((shape[1] - 4) / 2) - 4) / 2;
        var w = (((shape[2] - 4) / 2) - 4) / 2;
        if (h < 1 || w < 1) throw new ArgumentException($"simple-cnn: inputs {shape[1]}x{shape[2]} are too small");
        return Sequential(
            ("conv1", Conv2d(shape[0], 6, 5)),
            ("relu1", ReLU()),
            ("pool1", MaxPool2d(2)),
            ("conv2", Conv2d(6, 16, 5)),
            ("relu2", ReLU()),
            ("pool2", MaxPool2d(2)),
            ("flatten", Flatten()),
            ("fc1", Linear(16 * h * w, 120)),
            ("relu3", ReLU()),
            ("fc2", Linear(120, 84)),
            ("relu4", ReLU()),
            ("fc3", Linear(84, classes)));
    }
}
