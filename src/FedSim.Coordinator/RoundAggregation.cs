using FedSim.Core.Algorithms;
using FedSim.Core.Metrics;

namespace FedSim.Coordinator;

/// <summary>
/// One round's running aggregate, shared by its tasks: each arriving result is folded into the strategy's aggregator
/// and the update tracker under one lock, then its weights are dropped. Memory: one aggregate, plus the updates the
/// tracker keeps within its budget, plus whatever uploads are in flight. Disposing it disposes the aggregator.
/// </summary>
public sealed class RoundAggregation(IRoundAggregator aggregator, UpdateTracker tracker) : IDisposable
{
    internal object Gate { get; } = new();

    public int Count => aggregator.Count;

    /// <summary>Folds one result in; throws <see cref="InvalidDataException"/> and keeps nothing of it when the algorithm refuses it.</summary>
    internal void Fold(PartyResult result)
    {
        aggregator.Add(result);
        tracker.Add(result.PartyId, result.Weights);
    }

    /// <summary>The new global model with the strategy's round metrics, and every folded party's update figures.</summary>
    public (RoundAggregate Aggregate, IReadOnlyDictionary<int, PartyUpdateStats> Updates) Finish(IReadOnlyList<PartyFailure> failures)
    {
        lock (Gate)
        {
            var next = aggregator.Finish(failures);
            return (next, tracker.Finish(next.Global));
        }
    }

    public void Dispose()
    {
        lock (Gate) aggregator.Dispose();
    }
}
