using FedSim.Core.Scenarios;

namespace FedSim.Core.Strategies;

/// <summary>Creates the strategy a scenario names.</summary>
public static class StrategyFactory
{
    public static IStrategy Create(FederationSection federation) => federation.Algorithm switch
    {
        "fedavg" => new FedAvg(),
        _ => throw new ArgumentException($"federation.algorithm: unknown algorithm '{federation.Algorithm}'"),
    };
}
