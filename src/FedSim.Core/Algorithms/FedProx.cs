using FedSim.Core.Components;
using FedSim.Core.LocalTraining;
using FedSim.Core.Scenarios;
using FedSim.Core.Weights;

namespace FedSim.Core.Algorithms;

/// <summary>FedProx's options.</summary>
public sealed record FedProxOptions
{
    [Option("weight of the proximal term (mu / 2) ||w - w_global||^2 in each party's local loss", Min = 0)]
    public double Mu { get; init; } = 0.01;
}

/// <summary>
/// FedProx: parties add <c>(mu / 2) ||w - w_global||^2</c> to their local loss (a <see cref="ProximalTerm"/> towards the
/// round's global model); the server averages by data size as FedAvg does.
/// </summary>
[Component("fedprox", "FedProx: FedAvg with a proximal term (mu / 2) ||w - w_global||^2 in each party's local loss",
    Reference = "Li et al., Federated Optimization in Heterogeneous Networks, MLSys 2020")]
internal sealed class FedProx : Algorithm<FedProxOptions>
{
    protected override IStrategy CreateStrategy(FedProxOptions options, Scenario scenario) => new WeightedAverage();

    protected override IPartyAlgorithm CreateParty(FedProxOptions options, Scenario scenario) => new Party(options.Mu);

    private sealed class Party(double mu) : IPartyAlgorithm
    {
        public IReadOnlyList<ILocalHook> Prepare(PartyTask task) => mu == 0 ? [] : [new ProximalTerm(mu, task.Global)];

        public IReadOnlyDictionary<string, ModelWeights> Finish(PartyTask task, LocalOutcome outcome) => ModelWeights.NoPayloads;
    }
}
