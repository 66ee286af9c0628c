using FedSim.Core.Scenarios;

namespace FedSim.Core.Strategies;

/// <summary>Creates the strategy a scenario names.</summary>
public static class StrategyFactory
{
    /// <param name="federation">The algorithm and its settings.</param>
    /// <param name="momentum">Local SGD momentum (FedNova's normalisation needs it).</param>
    public static IStrategy Create(FederationSection federation, double momentum = 0) => federation.Algorithm switch
    {
        "fedavg" => new FedAvg(),
        "fedprox" => new FedProx(federation.Mu),
        "scaffold" => new Scaffold(),
        "fednova" => new FedNova(momentum),
        _ => throw new ArgumentException($"federation.algorithm: unknown algorithm '{federation.Algorithm}'"),
    };
}
