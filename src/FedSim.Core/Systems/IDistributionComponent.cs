using FedSim.Core.Components;

namespace FedSim.Core.Systems;

/// <summary>A registered distribution: draws one value for its options from a seeded generator.</summary>
public interface IDistributionComponent : IComponent
{
    double Sample(object? options, Random rng);

    /// <summary>The smallest value it can draw (for checks such as "a bandwidth is positive").</summary>
    double Lowest(object? options);
}
