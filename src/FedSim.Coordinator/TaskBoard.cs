using System.Collections.Concurrent;

namespace FedSim.Coordinator;

/// <summary>The tasks in flight, by id.</summary>
public sealed class TaskBoard
{
    private readonly ConcurrentDictionary<string, TrainingTask> _tasks = new();

    public void Add(TrainingTask task) => _tasks[task.Id] = task;

    public TrainingTask? Find(string id) => _tasks.GetValueOrDefault(id);

    public void Remove(TrainingTask task) => _tasks.TryRemove(task.Id, out _);

    /// <summary>Fails every unfinished task of a node (it disconnected or deregistered).</summary>
    public void FailNode(string nodeId, string reason)
    {
        foreach (var t in _tasks.Values)
            if (t.NodeId == nodeId) t.Complete(TaskOutcome.Failed(reason));
    }
}
