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
    /// The new global model from the results that arrived (ordered by party id) and the failures (data, not exceptions).
    /// Called only when enough parties answered.
    /// </summary>
    ModelWeights Aggregate(int round, ModelWeights global, IReadOnlyList<PartyResult> results, IReadOnlyList<PartyFailure> failures);
}
