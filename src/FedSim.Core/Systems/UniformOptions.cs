using FedSim.Core.Components;

namespace FedSim.Core.Systems;

/// <summary>The <c>uniform</c> distribution's options.</summary>
public sealed record UniformOptions
{
    [Option("lowest value", Min = 0)]
    public double Low { get; init; }

    [Option("highest value (at least low)", Min = 0)]
    public double High { get; init; } = 1;
}
