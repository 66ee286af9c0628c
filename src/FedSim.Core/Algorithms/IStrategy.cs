using FedSim.Core.Weights;

namespace FedSim.Core.Algorithms;

/// <summary>
/// A federated algorithm's coordinator half, as named hooks the coordinator's round loop (the only one) calls: start
/// from the initial model, configure each round (who takes part and what each is told), and aggregate the round's
/// results and failures as they arrive. Pure: no I/O. Most strategies derive from <see cref="Strategy"/>.
/// </summary>
public interface IStrategy
{
    /// <summary>Called once before round 1 with the initial global model; returns the model to start from.</summary>
    ModelWeights Initialize(ModelWeights initial, int totalParties);

    /// <summary>Which parties train in a round and what each is told beside the global model.</summary>
    RoundPlan ConfigureRound(RoundContext round, ModelWeights globalModel);

    /// <summary>
    /// Starts aggregating a round: results are added as they arrive, then <see cref="IRoundAggregator.Finish"/> (with
    /// the failures) gives the new global model and the round's own metrics. The round loop calls Finish only when
    /// enough parties answered.
    /// </summary>
    IRoundAggregator BeginRound(int round, ModelWeights globalModel);
}
