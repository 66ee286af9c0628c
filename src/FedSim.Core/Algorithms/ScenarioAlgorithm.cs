using FedSim.Core.Scenarios;

namespace FedSim.Core.Algorithms;

/// <summary>The two halves of a loaded scenario's algorithm.</summary>
public static class ScenarioAlgorithm
{
    public static IStrategy Strategy(Scenario scenario) =>
        scenario.Federation.Algorithm.Resolve<IAlgorithm>().CreateStrategy(scenario.Federation.Algorithm.Options, scenario);

    public static IPartyAlgorithm Party(Scenario scenario) =>
        scenario.Federation.Algorithm.Resolve<IAlgorithm>().CreateParty(scenario.Federation.Algorithm.Options, scenario);
}
