namespace FedSim.Training.Algorithms;

/// <summary>The party side of each algorithm the scenario schema knows.</summary>
public static class PartyAlgorithms
{
    public static IPartyAlgorithm Create(string algorithm) => algorithm switch
    {
        "fedavg" or "fednova" => new PlainParty(),
        "fedprox" => new FedProxParty(),
        "scaffold" => new ScaffoldParty(),
        _ => throw new ArgumentException($"unknown algorithm '{algorithm}'"),
    };
}
