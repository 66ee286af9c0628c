using FedSim.Core.Strategies;
using FedSim.Core.Weights;

namespace FedSim.Core.Tests.Strategies;

public sealed class FedProxTests
{
    private static ModelWeights W(params float[] v) => new([new NamedTensor("w", [v.Length], v)]);

    [Fact]
    public void Every_party_is_sent_mu()
    {
        var instructions = new FedProx(0.25).ConfigureParty(3, 7, W(0f));
        Assert.Equal(0.25, instructions.Params[AlgorithmNames.ProxMu]);
    }

    [Fact]
    public void The_server_averages_by_data_size()
    {
        // 0.25 * [1, 2] + 0.75 * [5, 6] = [4, 5]
        var next = new FedProx(1).Aggregate(1, W(0f, 0f), [new PartyResult(0, 1, 1, 0, 0, W(1f, 2f)), new PartyResult(1, 3, 1, 0, 0, W(5f, 6f))], []);
        Assert.Equal([4f, 5f], next[0].Data);
    }
}
