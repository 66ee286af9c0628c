using FedSim.Core.Weights;

namespace FedSim.Core.Strategies;

/// <summary>FedAvg: the data-size weighted average of the whole state (parameters and buffers).</summary>
public sealed class FedAvg : IStrategy
{
    public string Name => "fedavg";

    public ModelWeights Initialize(ModelWeights initial, int totalParties) => initial;

    public PartyInstructions ConfigureParty(int round, int partyId, ModelWeights global) => PartyInstructions.None;

    /// <summary>The rounds' accumulators, reused from one round to the next.</summary>
    private readonly SumBuffers _buffers = new();

    public IRoundAggregator BeginRound(int round, ModelWeights global) => new SizeWeightedAggregator(global, _buffers);
}
