using FedSim.Core.Weights;

namespace FedSim.Core.Algorithms;

/// <summary>
/// The usual shape of a strategy: start from the initial model, sample parties as NIID-Bench does (a seeded share of
/// <c>federation.fraction</c>) and tell each the same, and fold results into accumulators kept across rounds.
/// </summary>
public abstract class Strategy : IStrategy
{
    /// <summary>Accumulator memory reused from one round to the next (see <see cref="SumBuffers"/>).</summary>
    protected SumBuffers Buffers { get; } = new();

    public virtual ModelWeights Initialize(ModelWeights initial, int totalParties) => initial;

    public virtual RoundPlan ConfigureRound(RoundContext round, ModelWeights globalModel) =>
        new(round.Sample().Select(p => new PartyPlan(p, Instruct(round.Round, p, globalModel))).ToList());

    /// <summary>What one sampled party is told beside the global model; nothing by default.</summary>
    protected virtual PartyInstructions Instruct(int round, int partyId, ModelWeights globalModel) => PartyInstructions.None;

    public abstract IRoundAggregator BeginRound(int round, ModelWeights globalModel);
}
