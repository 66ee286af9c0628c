using FedSim.Core.Weights;

namespace FedSim.Core.Strategies;

/// <summary>
/// FedProx: parties add <c>(mu / 2) ||w - w_global||^2</c> to their local loss (the hook is on the party side); the server
/// averages by data size as FedAvg does.
/// </summary>
public sealed class FedProx(double mu) : IStrategy
{
    public string Name => "fedprox";

    public double Mu => mu;

    public ModelWeights Initialize(ModelWeights initial, int totalParties) => initial;

    public PartyInstructions ConfigureParty(int round, int partyId, ModelWeights global) =>
        new() { Params = new Dictionary<string, double> { [AlgorithmNames.ProxMu] = mu } };

    /// <summary>The rounds' accumulators, reused from one round to the next.</summary>
    private readonly SumBuffers _buffers = new();

    public IRoundAggregator BeginRound(int round, ModelWeights global) => new SizeWeightedAggregator(global, _buffers);
}
