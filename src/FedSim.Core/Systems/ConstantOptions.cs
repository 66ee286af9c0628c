using FedSim.Core.Components;

namespace FedSim.Core.Systems;

/// <summary>The <c>constant</c> distribution's options (a bare number in a scenario means this).</summary>
public sealed record ConstantOptions
{
    [Option("the value every party gets", Min = 0)]
    public double Value { get; init; }
}
