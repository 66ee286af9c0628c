using FedSim.Core.Algorithms;
using FedSim.Core.Weights;

namespace FedSim.Coordinator.Tests;

public sealed class TaskBoardTests
{
    private static readonly ModelWeights Global = new([new NamedTensor("w", [1], [0f])]);

    private static TrainingTask Task(string id, string node) =>
        new(id, 1, 0, node, Global, PartyInstructions.None, long.MaxValue,
            new RoundAggregation(new WeightedAverage().BeginRound(1, Global), new FedSim.Core.Metrics.UpdateTracker(Global, 0)), TimeProvider.System);

    [Fact]
    public async Task Failing_a_node_fails_only_its_unfinished_tasks()
    {
        var board = new TaskBoard();
        var a1 = Task("a1", "a");
        var a2 = Task("a2", "a");
        var b1 = Task("b1", "b");
        foreach (var t in new[] { a1, a2, b1 }) board.Add(t);
        a2.Complete(TaskOutcome.Failed("earlier"));

        board.FailNode("a", "node a gone");

        Assert.Equal("node a gone", (await a1.Outcome).Failure);
        Assert.Equal("earlier", (await a2.Outcome).Failure);
        Assert.False(b1.IsDone);
    }

    [Fact]
    public async Task A_task_completes_once()
    {
        var t = Task("x", "a");
        Assert.True(t.Complete(TaskOutcome.Failed("first")));
        Assert.False(t.Complete(TaskOutcome.Failed("second")));
        Assert.Equal("first", (await t.Outcome).Failure);
    }
}
