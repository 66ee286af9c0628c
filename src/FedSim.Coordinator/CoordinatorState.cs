using FedSim.Core.Partitioning;
using FedSim.Core.Scenarios;

namespace FedSim.Coordinator;

/// <summary>What the gRPC service and the round loop share for one run.</summary>
public sealed class CoordinatorState
{
    public CoordinatorState(Scenario scenario, PartitionReport partition, TimeProvider time)
    {
        Scenario = scenario;
        Partition = partition;
        Time = time;
        var share = (int)Math.Ceiling(scenario.Partition.Parties / (double)Math.Max(1, scenario.Deployment.PartyProcesses));
        Registry = new NodeRegistry(scenario.Partition.Parties, share, time);
        Registry.NodeGone += (node, reason) => Board.FailNode(node.Id, $"node {node.Name} gone: {reason}");
    }

    public Scenario Scenario { get; }
    public PartitionReport Partition { get; }
    public TimeProvider Time { get; }
    public NodeRegistry Registry { get; }
    public TaskBoard Board { get; } = new();
    public int HeartbeatIntervalMs { get; init; } = 2000;

    /// <summary>A node silent for longer than this is marked gone (its in-flight tasks fail; it may register again).</summary>
    public TimeSpan NodeTimeout { get; init; } = TimeSpan.FromSeconds(20);

    /// <summary>
    /// Memory the round may spend keeping party updates for their cosine to the aggregate; past it the round's cosines
    /// are not computed (norms always are). The aggregate itself never needs more than one model.
    /// </summary>
    public long UpdateMemoryBudgetBytes { get; init; } = 256L * 1024 * 1024;

    /// <summary>Called as each task's result or failure arrives.</summary>
    public event Action<TrainingTask>? TaskFinished;

    internal void RaiseTaskFinished(TrainingTask task) => TaskFinished?.Invoke(task);
}
