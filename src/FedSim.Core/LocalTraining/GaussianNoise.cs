using System.Buffers;
using MathNet.Numerics.Distributions;

namespace FedSim.Core.LocalTraining;

/// <summary>Adds fresh Gaussian noise with standard deviation <see cref="Std"/> to every input value (nothing when it is 0).</summary>
internal sealed record GaussianNoise(double Std) : InputTransform
{
    public override void Apply(Span<float> inputs, Random rng)
    {
        if (Std == 0) return;
        var noise = ArrayPool<double>.Shared.Rent(inputs.Length);
        try
        {
            Normal.Samples(rng, noise, 0, Std);
            for (var i = 0; i < inputs.Length; i++) inputs[i] += (float)noise[i];
        }
        finally
        {
            ArrayPool<double>.Shared.Return(noise);
        }
    }

    public override IEnumerable<(string Key, double Value)> Describe() => [("noise_std", Std)];
}
