using FedSim.Core.Components;

namespace FedSim.Core.Algorithms;

/// <summary>How an asynchronous algorithm discounts a stale update: the weight <c>s(t)</c> of an update of staleness t.</summary>
public sealed record StalenessOptions
{
    [Option("constant: 1; polynomial: (t + 1)^-a; hinge: 1 up to b, then 1 / (a (t - b) + 1)")]
    public StalenessFunction Function { get; init; } = StalenessFunction.Polynomial;

    [Option("the function's a", Min = 0)]
    public double A { get; init; } = 0.5;

    [Option("the hinge's b (staleness up to which updates count fully)", Min = 0)]
    public double B { get; init; } = 4;

    /// <summary>The weight of an update of the given staleness (Xie et al. 2019, section 5.2).</summary>
    public double Weight(int staleness) => Function switch
    {
        StalenessFunction.Constant => 1,
        StalenessFunction.Polynomial => Math.Pow(staleness + 1, -A),
        StalenessFunction.Hinge => staleness <= B ? 1 : 1 / (A * (staleness - B) + 1),
        _ => throw new ArgumentOutOfRangeException(nameof(staleness), Function, "unknown staleness function"),
    };
}
