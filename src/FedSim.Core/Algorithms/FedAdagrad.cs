using FedSim.Core.Components;
using FedSim.Core.Scenarios;

namespace FedSim.Core.Algorithms;

/// <summary>FedAdagrad's options (Reddi et al.'s names: eta, beta1, tau).</summary>
public sealed record FedAdagradOptions
{
    [Option("server learning rate eta: the step is eta * m / (sqrt(v) + tau)", Min = 0, MinExclusive = true)]
    public double ServerLr { get; init; } = 0.1;

    [Option("first-moment decay beta1 (0: the step follows this round's pseudo-gradient alone)", Min = 0, Max = 1, MaxExclusive = true)]
    public double Beta1 { get; init; }

    [Option("adaptivity tau, added to sqrt(v); v starts at tau^2", Min = 0, MinExclusive = true)]
    public double Tau { get; init; } = 1e-3;
}

/// <summary>
/// FedAdagrad (Reddi et al., Algorithm 2): the second moment sums every round's squared pseudo-gradient,
/// <c>v = v + delta^2</c>, so each value's steps shrink as its updates accumulate; <c>m = beta1 m + (1 - beta1) delta</c>
/// with beta1 0 by default (Flower fixes it at 0; the paper allows momentum). <c>m</c> starts at 0 and <c>v</c> at
/// <c>tau^2</c>. Parties train as in FedAvg.
/// </summary>
[Component("fedadagrad", "FedAdagrad: the FedAvg average as a pseudo-gradient for a server-side Adagrad step",
    Reference = "Reddi et al., Adaptive Federated Optimization, ICLR 2021")]
internal sealed class FedAdagrad : Algorithm<FedAdagradOptions>
{
    protected override IStrategy CreateStrategy(FedAdagradOptions options, Scenario scenario) => new Server(options);

    protected override IPartyAlgorithm CreateParty(FedAdagradOptions options, Scenario scenario) => new PlainParty();

    private sealed class Server(FedAdagradOptions o) : ServerOptimizer
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
                _v[j] += d * d;
                values[j] = o.ServerLr * _m[j] / (Math.Sqrt(_v[j]) + o.Tau);
            }
        }
    }
}
