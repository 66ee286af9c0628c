namespace FedSim.Core.Algorithms;

/// <summary>
/// One round's aggregation, fed as results arrive: each result is folded in and can then be dropped, so the
/// coordinator's memory does not grow with the number of parties. Calls are not concurrent (the caller serialises them).
/// Disposing hands the accumulators back (for the next round) when the round ends without <see cref="Finish"/> (too few
/// parties answered); after Finish it does nothing.
/// </summary>
public interface IRoundAggregator : IDisposable
{
    /// <summary>How many results were folded in.</summary>
    int Count { get; }

    /// <summary>
    /// Folds one party's result in. Throws <see cref="InvalidDataException"/> for a result the algorithm cannot use
    /// (wrong layout, a missing payload, no local steps); nothing of that result is kept then.
    /// </summary>
    void Add(PartyResult result);

    /// <summary>
    /// The new global model from everything added, and the round's metrics; <paramref name="failures"/> are the parties
    /// that did not answer (data, not exceptions). Called once: the aggregator hands its accumulators back for the next
    /// round and is then spent.
    /// </summary>
    RoundAggregate Finish(IReadOnlyList<PartyFailure> failures);
}
