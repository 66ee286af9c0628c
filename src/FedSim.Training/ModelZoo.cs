using TorchSharp;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace FedSim.Training;

/// <summary>The models a scenario can name, with NIID-Bench's shapes.</summary>
public static class ModelZoo
{
    public static readonly IReadOnlyList<string> Names = ["simple-cnn", "mlp"];

    public static Module<Tensor, Tensor> Create(string name, IReadOnlyList<int> sampleShape, int classes) => name switch
    {
        "simple-cnn" => SimpleCnn(sampleShape, classes),
        "mlp" => Mlp(sampleShape, classes),
        _ => throw new ArgumentException($"model: unknown model '{name}' (known: {string.Join(", ", Names)})"),
    };

    /// <summary>
    /// conv(C->6, 5x5), ReLU, max-pool 2; conv(6->16, 5x5), ReLU, max-pool 2; FC -> 120 -> 84 -> classes.
    /// 44,426 parameters for 1x28x28 inputs and 10 classes; 62,006 for 3x32x32.
    /// </summary>
    private static Module<Tensor, Tensor> SimpleCnn(IReadOnlyList<int> shape, int classes)
    {
        if (shape.Count != 3) throw new ArgumentException($"simple-cnn needs image inputs [C, H, W], got [{string.Join(", ", shape)}]");
        var h = (shape[1] - 4) / 2;
        h = (h - 4) / 2;
        var w = (shape[2] - 4) / 2;
        w = (w - 4) / 2;
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

    /// <summary>input -> 32 -> 16 -> 8 -> classes with ReLU (NIID-Bench's tabular MLP), inputs flattened.</summary>
    private static Module<Tensor, Tensor> Mlp(IReadOnlyList<int> shape, int classes)
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

    public static long ParameterCount(Module module) => module.parameters().Sum(p => p.numel());
}
