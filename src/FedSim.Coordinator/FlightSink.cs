using FedSim.Core.Algorithms;

namespace FedSim.Coordinator;

/// <summary>
/// The async loop's store of arrived results: each keeps its weights until the simulated clock makes it the next event;
/// its simulated seconds are computed on arrival. Memory: one model per flight that finished but is not yet an event.
/// </summary>
internal sealed class FlightSink(CoordinatorState state) : ITaskSink
{
    private readonly Dictionary<string, PartyResult> _results = [];

    public object Gate { get; } = new();

    public TaskOutcome Accept(TrainingTask task, PartyResult result)
    {
        // FederationService has refused non-finite and misshapen updates before they get here.
        task.SimSeconds = state.SimSeconds(task, result);
        _results[task.Id] = result;
        return TaskOutcome.Success(result.WithoutWeights());
    }

    /// <summary>The result of a task that is now an event (removed from the store).</summary>
    public PartyResult Take(TrainingTask task)
    {
        lock (Gate)
        {
            if (!_results.Remove(task.Id, out var result)) throw new InvalidOperationException($"no result held for task {task.Id}");
            return result;
        }
    }
}
