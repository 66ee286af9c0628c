using FedSim.Core.Components;
using FedSim.Core.Scenarios;
using FedSim.Core.Weights;

namespace FedSim.Core.Algorithms;

/// <summary>FedBuff's options.</summary>
public sealed record FedBuffOptions
{
    [Option("updates buffered per server step (K)", Min = 1, Max = 100_000)]
    public int BufferSize { get; init; } = 5;

    [Option("server learning rate: w += server_lr * mean of the buffered, staleness-weighted updates", Min = 0, MinExclusive = true)]
    public double ServerLr { get; init; } = 1.0;

    [Section("how an update's weight falls with staleness (the default is the paper's 1 / sqrt(1 + t))")]
    public StalenessOptions Staleness { get; init; } = new();
}

/// <summary>
/// FedBuff (Nguyen et al. 2022): each arriving update <c>u_i - s_i</c> (its model minus the model it started from) is
/// weighted by <c>s(staleness)</c> and buffered; every K updates make a server step
/// <c>w += server_lr * (1/K) sum s(t_i) (u_i - s_i)</c>. Parties train as in FedAvg.
/// </summary>
[Component("fedbuff", "FedBuff: buffered asynchronous aggregation, a server step every K staleness-weighted updates (federation.mode: async)",
    Reference = "Nguyen et al., Federated Learning with Buffered Asynchronous Aggregation, AISTATS 2022")]
internal sealed class FedBuff : AsyncAlgorithm<FedBuffOptions>
{
    protected override IAsyncStrategy CreateAsyncStrategy(FedBuffOptions options, Scenario scenario) => new Server(options);

    private sealed class Server(FedBuffOptions o) : IAsyncStrategy
    {
        private readonly List<AsyncUpdate> _buffer = [];

        public AsyncStep? Offer(AsyncUpdate update, ModelWeights globalModel)
        {
            update.Weights.EnsureSameLayout(update.Start, "FedBuff update");
            _buffer.Add(update);
            if (_buffer.Count < o.BufferSize) return null;
            var weights = _buffer.Select(u => o.Staleness.Weight(u.Staleness)).ToList();
            var next = AddScaledDeltas(globalModel, _buffer.Select((u, i) => (o.ServerLr * weights[i] / o.BufferSize, u.Weights, u.Start)));
            var applied = _buffer.ToList();
            _buffer.Clear();
            return new AsyncStep(next, applied, new Dictionary<string, object> { ["staleness_weight_mean"] = weights.Average() });
        }
    }
}
