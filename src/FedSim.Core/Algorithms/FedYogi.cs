using FedSim.Core.Components;
using FedSim.Core.Scenarios;

namespace FedSim.Core.Algorithms;

/// <summary>FedYogi's options (Reddi et al.'s names: eta, beta1, beta2, tau).</summary>
public sealed record FedYogiOptions
{
    [Option("server learning rate eta: the step is eta * m / (sqrt(v) + tau)", Min = 0, MinExclusive = true)]
    public double ServerLr { get; init; } = 0.01;

    [Option("first-moment decay beta1 (momentum of the pseudo-gradient)", Min = 0, Max = 1, MaxExclusive = true)]
    public double Beta1 { get; init; } = 0.9;

    [Option("second-moment rate beta2: v moves towards delta^2 by (1 - beta2) delta^2 a round", Min = 0, Max = 1, MaxExclusive = true)]
    public double Beta2 { get; init; } = 0.99;

    [Option("adaptivity tau, added to sqrt(v); v starts at tau^2", Min = 0, MinExclusive = true)]
    public double Tau { get; init; } = 1e-3;
}

/// <summary>
/// FedYogi (Reddi et al., Algorithm 2): as FedAdam, but the second moment moves additively towards <c>delta^2</c>,
/// <c>v = v - (1 - beta2) delta^2 sign(v - delta^2)</c>, so it grows or shrinks by at most <c>(1 - beta2) delta^2</c>
/// a round. <c>m</c> starts at 0 and <c>v</c> at <c>tau^2</c> (the paper's initialisation; Flower starts <c>v</c> at 0).
/// Parties train as in FedAvg.
/// </summary>
[Component("fedyogi", "FedYogi: the FedAvg average as a pseudo-gradient for a server-side Yogi step",
    Reference = "Reddi et al., Adaptive Federated Optimization, ICLR 2021")]
internal sealed class FedYogi : Algorithm<FedYogiOptions>
{
    protected override IStrategy CreateStrategy(FedYogiOptions options, Scenario scenario) => new Server(options);

    protected override IPartyAlgorithm CreateParty(FedYogiOptions options, Scenario scenario) => new PlainParty();

    private sealed class Server(FedYogiOptions o) : ServerOptimizer
    {
        private double[]? _m;
        private double[]? _v;

        protected override void Step(double[] values)
        {
            _m ??= new double[values.Length];
            _v ??= Enumerable.Repeat(o.Tau * o.Tau, values.Length).ToArray();
            for (var j = 0; j < values.Length; j++)
            {
                var d = values[j];
                var square = d * d;
                _m[j] = o.Beta1 * _m[j] + (1 - o.Beta1) * d;
                _v[j] -= (1 - o.Beta2) * square * Math.Sign(_v[j] - square);
                values[j] = o.ServerLr * _m[j] / (Math.Sqrt(_v[j]) + o.Tau);
            }
        }
    }
}
