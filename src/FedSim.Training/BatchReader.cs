using FedSim.Data;
using static TorchSharp.torch;

namespace FedSim.Training;

/// <summary>Builds input and label tensors for a batch of dataset indices, reusing its buffers.</summary>
internal sealed class BatchReader(IDataset data, int maxBatch)
{
    private readonly float[] _inputs = new float[maxBatch * data.SampleSize];
    private readonly long[] _labels = new long[maxBatch];
    private readonly long[] _shape = [0, .. data.SampleShape.Select(d => (long)d)];

    /// <summary>Transforms applied to every batch read (e.g. feature noise), with the generator they draw from.</summary>
    public (IReadOnlyList<Core.LocalTraining.InputTransform> List, Random Rng)? Transforms { get; init; }

    public (Tensor Inputs, Tensor Labels) Read(ReadOnlySpan<int> indices)
    {
        var n = indices.Length;
        data.CopyInputs(indices, _inputs);
        if (Transforms is var (list, rng))
            foreach (var t in list) t.Apply(_inputs.AsSpan(0, n * data.SampleSize), rng);
        for (var i = 0; i < n; i++) _labels[i] = data.Labels[indices[i]];
        _shape[0] = n;
        var x = tensor(_inputs.AsSpan(0, n * data.SampleSize).ToArray(), _shape);
        var y = tensor(_labels.AsSpan(0, n).ToArray(), [n]);
        return (x, y);
    }
}
