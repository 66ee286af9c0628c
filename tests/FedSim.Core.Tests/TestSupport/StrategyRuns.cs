using FedSim.Core.Algorithms;
using FedSim.Core.Weights;

namespace FedSim.Core.Tests.TestSupport;

/// <summary>Whole rounds over a strategy, for tests that hold every result at once.</summary>
internal static class StrategyRuns
{
    /// <summary>Begins a round, adds every result in the given order and finishes it; the new global model.</summary>
    public static ModelWeights Aggregate(this IStrategy strategy, int round, ModelWeights global, IEnumerable<PartyResult> results,
        IReadOnlyList<PartyFailure> failures) =>
        strategy.AggregateRound(round, global, results, failures).Global;

    public static RoundAggregate AggregateRound(this IStrategy strategy, int round, ModelWeights global, IEnumerable<PartyResult> results,
        IReadOnlyList<PartyFailure> failures)
    {
        var aggregator = strategy.BeginRound(round, global);
        foreach (var r in results) aggregator.Add(r);
        return aggregator.Finish(failures);
    }

    /// <summary>What the strategy tells party <paramref name="partyId"/> in a round where every one of <paramref name="parties"/> takes part.</summary>
    public static PartyInstructions InstructionsFor(this IStrategy strategy, int round, int partyId, ModelWeights global, int parties = 10) =>
        strategy.ConfigureRound(new RoundContext(round, parties, parties, 0), global).Parties.Single(p => p.PartyId == partyId).Instructions;
}
