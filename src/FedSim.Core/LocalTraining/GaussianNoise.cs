namespace FedSim.Core.LocalTraining;

/// <summary>Adds fresh Gaussian noise with standard deviation <see cref="Std"/> to every input value (nothing when it is 0).</summary>
public sealed record GaussianNoise(double Std) : InputTransform
{
    public override void Apply(Span<float> inputs, Random rng)
    {
        if (Std == 0) return;
        for (var i = 0; i < inputs.Length; i++) inputs[i] += (float)(Std * StandardNormal(rng));
    }

    public override IEnumerable<(string Key, double Value)> Describe() => [("noise_std", Std)];

    /// <summary>A standard normal draw (Box-Muller).</summary>
    private static double StandardNormal(Random rng)
    {
        var u1 = 1.0 - rng.NextDouble();
        var u2 = rng.NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
    }
}
