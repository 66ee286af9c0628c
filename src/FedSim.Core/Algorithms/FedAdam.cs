using FedSim.Core.Components;
using FedSim.Core.Scenarios;

namespace FedSim.Core.Algorithms;

/// <summary>FedAdam's options (Reddi et al.'s names: eta, beta1, beta2, tau).</summary>
public sealed record FedAdamOptions
{
    [Option("server learning rate eta: the step is eta * m / (sqrt(v) + tau)", Min = 0, MinExclusive = true)]
    public double ServerLr { get; init; } = 0.01;

    [Option("first-moment decay beta1 (momentum of the pseudo-gradient)", Min = 0, Max = 1, MaxExclusive = true)]
    public double Beta1 { get; init; } = 0.9;

    [Option("second-moment decay beta2", Min = 0, Max = 1, MaxExclusive = true)]
    public double Beta2 { get; init; } = 0.99;

    [Option("adaptivity tau, added to sqrt(v); v starts at tau^2", Min = 0, MinExclusive = true)]
    public double Tau { get; init; } = 1e-3;
}

/// <summary>
/// FedAdam (Reddi et al., Algorithm 2): with the pseudo-gradient <c>delta = average - w</c> (the FedAvg average by data
/// size), <c>m = beta1 m + (1 - beta1) delta</c>, <c>v = beta2 v + (1 - beta2) delta^2</c>, <c>w += eta m / (sqrt(v) + tau)</c>,
/// per element, without bias correction; <c>m</c> starts at 0 and <c>v</c> at <c>tau^2</c> as the paper says (Flower
/// starts <c>v</c> at 0). Parties train as in FedAvg.
/// </summary>
[Component("fedadam", "FedAdam: the FedAvg average as a pseudo-gradient for a server-side Adam step",
    Reference = "Reddi et al., Adaptive Federated Optimization, ICLR 2021")]
internal sealed class FedAdam : Algorithm<FedAdamOptions>
{
    protected override IStrategy CreateStrategy(FedAdamOptions options, Scenario scenario) => new Server(options);

    protected override IPartyAlgorithm CreateParty(FedAdamOptions options, Scenario scenario) => new PlainParty();

    private sealed class Server(FedAdamOptions o) : ServerOptimizer
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
                _m[j] = o.Beta1 * _m[j] + (1 - o.Beta1) * d;
                _v[j] = o.Beta2 * _v[j] + (1 - o.Beta2) * d * d;
                values[j] = o.ServerLr * _m[j] / (Math.Sqrt(_v[j]) + o.Tau);
            }
        }
    }
}
