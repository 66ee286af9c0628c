using FedSim.Core.Algorithms;
using FedSim.Core.Scenarios;
using FedSim.Core.Tests.TestSupport;
using FedSim.Core.Weights;

namespace FedSim.Core.Tests.Algorithms;

public sealed class AsyncAlgorithmTests
{
    private static ModelWeights W(params float[] v) => new([new NamedTensor("w", [v.Length], v)]);

    private static IAsyncStrategy Server(string yaml) => ScenarioAlgorithm.AsyncStrategy(TestScenarios.Parse(yaml));

    [Theory]
    [InlineData(StalenessFunction.Constant, 7, 1.0)]
    [InlineData(StalenessFunction.Polynomial, 3, 0.5)] // (3 + 1)^-0.5
    [InlineData(StalenessFunction.Hinge, 4, 1.0)] // up to b = 4
    [InlineData(StalenessFunction.Hinge, 6, 0.5)] // 1 / (0.5 * 2 + 1)
    public void Staleness_functions_follow_Xie_et_al(StalenessFunction f, int staleness, double expected)
    {
        Assert.Equal(expected, new StalenessOptions { Function = f, A = 0.5, B = 4 }.Weight(staleness), 12);
    }

    [Fact]
    public void FedAsync_mixes_every_update_in_with_its_staleness_discounted_weight()
    {
        var server = Server("federation:\n  mode: async\n  algorithm: fedasync\n  fedasync: {mixing: 0.8, staleness: {function: polynomial, a: 0.5}}\n");
        var global = W(1, 1);

        var fresh = server.Offer(new AsyncUpdate(0, W(3, -1), global, 10, Staleness: 0), global)!;
        var stale = server.Offer(new AsyncUpdate(0, W(3, -1), global, 10, Staleness: 3), global)!;

        Assert.Equal([2.6f, -0.6f], fresh.Global[0].Data); // 0.2 * 1 + 0.8 * 3, 0.2 * 1 - 0.8
        Assert.Equal([1.8f, 0.2f], stale.Global[0].Data); // alpha 0.8 * 0.5 = 0.4
        Assert.Equal(0.4, (double)stale.Metrics["mixing_weight"], 12);
    }

    [Fact]
    public void FedBuff_steps_every_K_updates_with_the_mean_of_their_weighted_deltas_from_their_own_starts()
    {
        var server = Server("federation:\n  mode: async\n  algorithm: fedbuff\n  fedbuff: {buffer_size: 2, server_lr: 1, staleness: {function: polynomial, a: 0.5}}\n");
        var global = W(10, 10);

        Assert.Null(server.Offer(new AsyncUpdate(0, W(12, 10), W(10, 10), 5, Staleness: 0), global));
        var step = server.Offer(new AsyncUpdate(1, W(4, 8), W(0, 0), 5, Staleness: 3), global)!;

        // w + (1/2) * (1 * (2, 0) + 0.5 * (4, 8)) = (10 + 2, 10 + 2)
        Assert.Equal([12f, 12f], step.Global[0].Data);
        Assert.Equal([0, 1], step.Applied.Select(u => u.PartyId));
        Assert.Null(server.Offer(new AsyncUpdate(2, W(1, 1), W(0, 0), 5, 0), step.Global)); // the buffer starts again
    }

    [Theory]
    [InlineData("federation:\n  mode: async\n  algorithm: fedavg\n", "federation.algorithm", "runs in rounds")]
    [InlineData("federation:\n  algorithm: fedbuff\n", "federation.mode", "is asynchronous: set federation.mode: async")]
    [InlineData("federation:\n  mode: async\n  algorithm: fedbuff\nsystem:\n  deadline_s: 5\n", "system.deadline_s", "async mode has no rounds")]
    [InlineData("federation:\n  mode: async\n  algorithm: fedasync\n  concurrency: 11\n", "federation.concurrency", "only 10")]
    public void Mode_and_algorithm_must_agree(string yaml, string field, string message)
    {
        var e = Assert.Single(Assert.Throws<ScenarioException>(() => TestScenarios.Parse(yaml)).Errors);

        Assert.Equal(field, e.Field);
        Assert.Contains(message, e.Message);
    }
}
