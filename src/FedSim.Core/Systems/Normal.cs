using FedSim.Core.Components;

namespace FedSim.Core.Systems;

/// <summary>Normal with a floor: <c>max(floor, mean + std * z)</c>.</summary>
[Component("normal", "normal: max(floor, mean + std * z), z ~ N(0, 1)")]
internal sealed class Normal : Distribution<NormalOptions>
{
    protected override double Sample(NormalOptions options, Random rng) => Math.Max(options.Floor, options.Mean + options.Std * StandardNormal(rng));

    protected override double Lowest(NormalOptions options) => options.Std == 0 ? Math.Max(options.Floor, options.Mean) : options.Floor;
}
