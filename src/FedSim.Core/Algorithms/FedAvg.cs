using FedSim.Core.Components;
using FedSim.Core.Scenarios;

namespace FedSim.Core.Algorithms;

/// <summary>FedAvg: plain local SGD on each party, the data-size weighted average of the whole state on the server.</summary>
[Component("fedavg", "FedAvg: local SGD, then the data-size weighted average of the parties' models (parameters and buffers)",
    Reference = "McMahan et al., Communication-Efficient Learning of Deep Networks from Decentralized Data, AISTATS 2017")]
internal sealed class FedAvg : Algorithm<NoOptions>
{
    protected override IStrategy CreateStrategy(NoOptions options, Scenario scenario) => new WeightedAverage();

    protected override IPartyAlgorithm CreateParty(NoOptions options, Scenario scenario) => new PlainParty();
}
