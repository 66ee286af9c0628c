using FedSim.Core.Weights;

namespace FedSim.Core.Strategies;

/// <summary>Whole-round helpers over <see cref="IStrategy"/> for callers that already hold every result.</summary>
public static class StrategyRounds
{
    /// <summary>Begins a round, adds every result in the given order and finishes it.</summary>
    public static ModelWeights Aggregate(this IStrategy strategy, int round, ModelWeights global, IEnumerable<PartyResult> results,
        IReadOnlyList<PartyFailure> failures)
    {
        var aggregator = strategy.BeginRound(round, global);
        foreach (var r in results) aggregator.Add(r);
        return aggregator.Finish(failures);
    }
}
