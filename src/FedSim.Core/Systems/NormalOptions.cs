using FedSim.Core.Components;

namespace FedSim.Core.Systems;

/// <summary>The <c>normal</c> distribution's options.</summary>
public sealed record NormalOptions
{
    [Option("mean")]
    public double Mean { get; init; } = 1;

    [Option("standard deviation", Min = 0)]
    public double Std { get; init; } = 0.1;

    [Option("smallest value: draws below it are raised to it", Min = 0)]
    public double Floor { get; init; }
}
