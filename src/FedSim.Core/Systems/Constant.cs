using FedSim.Core.Components;

namespace FedSim.Core.Systems;

/// <summary>Every party gets the same value.</summary>
[Component("constant", "the same value for every party (a bare number means this)")]
internal sealed class Constant : Distribution<ConstantOptions>
{
    public const string Name = "constant";

    protected override double Sample(ConstantOptions options, Random rng) => options.Value;

    protected override double Lowest(ConstantOptions options) => options.Value;
}
