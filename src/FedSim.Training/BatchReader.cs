using FedSim.Data;
using static TorchSharp.torch;

namespace FedSim.Training;

/// <summary>Builds input and label tensors for a batch of dataset indices, reusing its buffers.</summary>
internal sealed class BatchReader(IDataset data, int maxBatch)
{
    private readonly float[] _inputs = new float[maxBatch * data.SampleSize];
    private readonly long[] _labels = new long[maxBatch];
    private readonly long[] _shape = [0, .. data.SampleShape.Select(d => (long)d)];

    /// <summary>Gaussian noise (standard deviation, generator) added to every input value, fresh for every batch read.</summary>
    public (double Std, Random Rng)? Noise { get; init; }

    public (Tensor Inputs, Tensor Labels) Read(ReadOnlySpan<int> indices)
    {
        var n = indices.Length;
        data.CopyInputs(indices, _inputs);
        if (Noise is var (std, rng))
        {
            var span = _inputs.AsSpan(0, n * data.SampleSize);
            for (var i = 0; i < span.Length; i++) span[i] += (float)(std * Gaussian(rng));
        }
        for (var i = 0; i < n; i++) _labels[i] = data.Labels[indices[i]];
        _shape[0] = n;
        var x = tensor(_inputs.AsSpan(0, n * data.SampleSize).ToArray(), _shape);
        var y = tensor(_labels.AsSpan(0, n).ToArray(), [n]);
        return (x, y);
    }

    /// <summary>A standard normal draw (Box-Muller).</summary>
    private static double Gaussian(Random rng)
    {
        var u1 = 1.0 - rng.NextDouble();
        var u2 = rng.NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
    }
}
