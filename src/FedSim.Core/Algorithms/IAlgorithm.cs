using FedSim.Core.Components;
using FedSim.Core.Scenarios;

namespace FedSim.Core.Algorithms;

/// <summary>
/// A registered algorithm: both halves come from one component, so neither can exist without the other. The
/// coordinator makes the strategy; every party node makes the party half from the same scenario.
/// </summary>
internal interface IAlgorithm : IComponent
{
    IStrategy CreateStrategy(object? options, Scenario scenario);

    IPartyAlgorithm CreateParty(object? options, Scenario scenario);
}
