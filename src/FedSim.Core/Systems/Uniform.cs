using FedSim.Core.Components;

namespace FedSim.Core.Systems;

/// <summary>Uniform between low and high.</summary>
[Component("uniform", "uniform between low and high")]
internal sealed class Uniform : Distribution<UniformOptions>
{
    protected override double Sample(UniformOptions options, Random rng) => options.Low + (options.High - options.Low) * rng.NextDouble();

    protected override double Lowest(UniformOptions options) => options.Low;

    protected override IEnumerable<(string Key, string Message)> Check(UniformOptions options)
    {
        if (options.High < options.Low) yield return ("high", $"{options.High} is below low = {options.Low}");
    }
}
