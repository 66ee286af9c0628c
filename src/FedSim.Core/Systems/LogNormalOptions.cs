using FedSim.Core.Components;

namespace FedSim.Core.Systems;

/// <summary>The <c>lognormal</c> distribution's options.</summary>
public sealed record LogNormalOptions
{
    [Option("the median value (exp of the log's mean)", Min = 0, MinExclusive = true)]
    public double Median { get; init; } = 1;

    [Option("standard deviation of the value's natural log (0: every party gets the median)", Min = 0, Max = 10)]
    public double Sigma { get; init; } = 0.5;
}
