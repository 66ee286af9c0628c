using FedSim.Core.Algorithms;
using FedSim.Core.Metrics;

namespace FedSim.Coordinator;

/// <summary>
/// One round's running aggregate, shared by its tasks: each arriving result is folded into the strategy's aggregator
/// and the update tracker under one lock, then its weights are dropped. Memory: one aggregate, plus the updates the
/// tracker keeps within its budget, plus whatever uploads are in flight. Disposing it disposes the aggregator.
/// </summary>
public sealed class RoundAggregation(IRoundAggregator aggregator, UpdateTracker tracker) : ITaskSink, IDisposable
{
    private readonly List<PartyResult> _held = [];

    internal object Gate { get; } = new();

    object ITaskSink.Gate => Gate;

    /// <summary>The round's simulated clock (none: every result folds as it arrives).</summary>
    internal RoundSimulation? Simulation { get; init; }

    public int Count => aggregator.Count;

    /// <summary>Folds one result in; throws <see cref="InvalidDataException"/> and keeps nothing of it when the algorithm refuses it.</summary>
    internal void Fold(PartyResult result)
    {
        aggregator.Add(result);
        tracker.Add(result.PartyId, result.Weights);
    }

    /// <summary>
    /// A result under the round's simulated clock: refused past the deadline, held in an over-committed round, else
    /// folded now (a result the algorithm refuses turns into a failure).
    /// </summary>
    public TaskOutcome Accept(TrainingTask task, PartyResult result)
    {
        if (Simulation is { } sim)
        {
            task.SimSeconds = sim.Seconds(task, result);
            if (sim.Rejection(task.SimSeconds) is { } reason) return TaskOutcome.Failed(reason);
        }
        try
        {
            if (Simulation is { Deferred: true }) Hold(result);
            else Fold(result);
            return TaskOutcome.Success(result.WithoutWeights());
        }
        catch (InvalidDataException e)
        {
            return TaskOutcome.Failed("invalid update: " + e.Message);
        }
    }

    /// <summary>Keeps a result, weights and all, until <see cref="FoldHeld"/> (over-committed rounds).</summary>
    internal void Hold(PartyResult result) => _held.Add(result);

    /// <summary>
    /// Folds the held results of the parties in <paramref name="counted"/>, in party order (so the aggregate does not
    /// depend on arrival order), and drops the rest; returns the parties whose update the algorithm refused, with why.
    /// </summary>
    internal Dictionary<int, string> FoldHeld(IReadOnlySet<int> counted)
    {
        lock (Gate)
        {
            var refused = new Dictionary<int, string>();
            foreach (var result in _held.Where(r => counted.Contains(r.PartyId)).OrderBy(r => r.PartyId))
            {
                try
                {
                    Fold(result);
                }
                catch (InvalidDataException e)
                {
                    refused[result.PartyId] = "invalid update: " + e.Message;
                }
            }
            _held.Clear();
            return refused;
        }
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
