using FedSim.Core.Weights;

namespace FedSim.Core.Strategies;

/// <summary>
/// A federated algorithm's server side, as named hooks the coordinator's round loop calls. Pure: no I/O.
/// A new algorithm is one implementation of this (plus its local-training hooks, if any).
/// </summary>
public interface IStrategy
{
    string Name { get; }

    /// <summary>Called once before round 1 with the initial global model; returns the model to start from.</summary>
    ModelWeights Initialize(ModelWeights initial, int totalParties);

    /// <summary>Instructions for one sampled party in <paramref name="round"/>.</summary>
    PartyInstructions ConfigureParty(int round, int partyId, ModelWeights global);

    /// <summary>
    /// Starts aggregating <paramref name="round"/>: results are added as they arrive, then the aggregator's
    /// <see cref="IRoundAggregator.Finish"/> (with the failures) gives the new global model. Called only once enough
    /// parties answered is not known yet; the round loop calls Finish only when it is.
    /// </summary>
    IRoundAggregator BeginRound(int round, ModelWeights global);
}
