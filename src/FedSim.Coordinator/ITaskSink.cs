using FedSim.Core.Algorithms;

namespace FedSim.Coordinator;

/// <summary>
/// Where a task's result goes the moment it arrives: a round's running aggregate (<see cref="RoundAggregation"/>), or
/// the async loop's store of finished flights. Completion runs under <see cref="Gate"/>.
/// </summary>
public interface ITaskSink
{
    object Gate { get; }

    /// <summary>Takes a result (weights and all); returns the outcome the task keeps, without weights, or a failure.</summary>
    TaskOutcome Accept(TrainingTask task, PartyResult result);
}
