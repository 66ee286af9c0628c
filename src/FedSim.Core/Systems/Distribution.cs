using FedSim.Core.Components;

namespace FedSim.Core.Systems;

/// <summary>The base of every distribution component.</summary>
internal abstract class Distribution<TOptions> : Component<TOptions>, IDistributionComponent
    where TOptions : class, new()
{
    public sealed override ComponentKind Kind => ComponentKind.Distribution;

    public double Sample(object? options, Random rng) => Sample(Typed(options), rng);

    public double Lowest(object? options) => Lowest(Typed(options));

    protected abstract double Sample(TOptions options, Random rng);

    protected abstract double Lowest(TOptions options);

    /// <summary>A standard normal draw (Box-Muller on two uniform draws of <paramref name="rng"/>).</summary>
    protected static double StandardNormal(Random rng)
    {
        var u = 1.0 - rng.NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u)) * Math.Cos(2.0 * Math.PI * rng.NextDouble());
    }
}
