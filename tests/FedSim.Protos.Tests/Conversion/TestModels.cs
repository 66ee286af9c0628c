using FedSim.Core.Weights;

namespace FedSim.Protos.Tests.Conversion;

/// <summary>Weight sets shaped like the simulator's models, filled with reproducible values.</summary>
internal static class TestModels
{
    public const int SimpleCnnParameters = 44_426;

    /// <summary>simple-cnn's tensors for 1 x 28 x 28 inputs and 10 classes (conv 6, conv 16, FC 120-84-10).</summary>
    public static readonly (string Name, long[] Shape)[] SimpleCnnLayout =
    [
        ("conv1.weight", [6, 1, 5, 5]),
        ("conv1.bias", [6]),
        ("conv2.weight", [16, 6, 5, 5]),
        ("conv2.bias", [16]),
        ("fc1.weight", [120, 256]),
        ("fc1.bias", [120]),
        ("fc2.weight", [84, 120]),
        ("fc2.bias", [84]),
        ("fc3.weight", [10, 84]),
        ("fc3.bias", [10]),
    ];

    public static ModelWeights SimpleCnn(int seed = 1) => Random(seed, SimpleCnnLayout);

    public static ModelWeights Random(int seed, params (string Name, long[] Shape)[] layout)
    {
        var rng = new Random(seed);
        return new ModelWeights(layout.Select(l =>
        {
            var n = l.Shape.Aggregate(1L, (a, b) => a * b);
            var data = new float[n];
            for (var i = 0; i < n; i++) data[i] = (float)(rng.NextDouble() * 2 - 1);
            return new NamedTensor(l.Name, l.Shape, data);
        }));
    }

    /// <summary>Float values whose bit patterns a lossy conversion would change.</summary>
    public static readonly float[] Awkward =
    [
        0f, -0f, 1f, -1f, float.Epsilon, -float.Epsilon, float.MaxValue, float.MinValue,
        float.PositiveInfinity, float.NegativeInfinity, float.NaN, BitConverter.Int32BitsToSingle(0x7FC0_1234),
        BitConverter.Int32BitsToSingle(unchecked((int)0xFFBA_D00D)), 1e-40f, 3.14159265f, 1f / 3f,
    ];
}
