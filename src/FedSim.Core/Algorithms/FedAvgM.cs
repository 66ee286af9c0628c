using FedSim.Core.Components;
using FedSim.Core.Scenarios;

namespace FedSim.Core.Algorithms;

/// <summary>FedAvgM's options.</summary>
public sealed record FedAvgMOptions
{
    [Option("server learning rate: the step is server_lr * u", Min = 0, MinExclusive = true)]
    public double ServerLr { get; init; } = 1.0;

    [Option("server momentum beta: u = beta u + delta (0 with server_lr 1 is FedAvg)", Min = 0, Max = 1, MaxExclusive = true)]
    public double Momentum { get; init; } = 0.9;
}

/// <summary>
/// FedAvgM (Hsu et al. 2019): server momentum on the FedAvg pseudo-gradient <c>delta = average - w</c>:
/// <c>u = beta u + delta</c> (u starts at 0, so the first step is delta itself), <c>w += server_lr * u</c>.
/// With momentum 0 and server_lr 1 it is FedAvg. Parties train as in FedAvg.
/// </summary>
[Component("fedavgm", "FedAvgM: FedAvg with server momentum on the averaged update",
    Reference = "Hsu, Qi and Brown, Measuring the Effects of Non-Identical Data Distribution for Federated Visual Classification, 2019")]
internal sealed class FedAvgM : Algorithm<FedAvgMOptions>
{
    protected override IStrategy CreateStrategy(FedAvgMOptions options, Scenario scenario) => new Server(options);

    protected override IPartyAlgorithm CreateParty(FedAvgMOptions options, Scenario scenario) => new PlainParty();

    private sealed class Server(FedAvgMOptions o) : ServerOptimizer
    {
        private double[]? _u;

        protected override void Step(double[] values)
        {
            _u ??= new double[values.Length];
            for (var j = 0; j < values.Length; j++)
            {
                _u[j] = o.Momentum * _u[j] + values[j];
                values[j] = o.ServerLr * _u[j];
            }
        }
    }
}
