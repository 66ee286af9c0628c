using FedSim.Core.Components;
using FedSim.Core.Scenarios;
using FedSim.Core.Weights;

namespace FedSim.Core.Algorithms;

/// <summary>FedAsync's options.</summary>
public sealed record FedAsyncOptions
{
    [Option("mixing weight alpha: w = (1 - a_t) w + a_t w_i with a_t = alpha * s(staleness)", Min = 0, MinExclusive = true, Max = 1)]
    public double Mixing { get; init; } = 0.6;

    [Section("how the mixing weight falls with staleness")]
    public StalenessOptions Staleness { get; init; } = new();
}

/// <summary>
/// FedAsync (Xie, Koyejo and Gupta 2019): every arriving update is a server step, mixed into the global model with a
/// weight that falls with its staleness: <c>w = (1 - a_t) w + a_t w_i</c>, <c>a_t = alpha * s(t)</c>. Parties train as
/// in FedAvg, from the global model current when they started.
/// </summary>
[Component("fedasync", "FedAsync: each update mixed into the global model with a staleness-discounted weight (federation.mode: async)",
    Reference = "Xie, Koyejo and Gupta, Asynchronous Federated Optimization, OPT workshop at NeurIPS 2020 (arXiv 1903.03934)")]
internal sealed class FedAsync : AsyncAlgorithm<FedAsyncOptions>
{
    protected override IAsyncStrategy CreateAsyncStrategy(FedAsyncOptions options, Scenario scenario) => new Server(options);

    private sealed class Server(FedAsyncOptions o) : IAsyncStrategy
    {
        public AsyncStep Offer(AsyncUpdate update, ModelWeights globalModel)
        {
            var alpha = o.Mixing * o.Staleness.Weight(update.Staleness);
            // (1 - a) w + a w_i = w + a (w_i - w)
            var next = AddScaledDeltas(globalModel, [(alpha, update.Weights, globalModel)]);
            return new AsyncStep(next, [update], new Dictionary<string, object> { ["mixing_weight"] = alpha });
        }
    }
}
