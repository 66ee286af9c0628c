using FedSim.Core.Scenarios;

namespace FedSim.Core.Algorithms;

/// <summary>The two halves of a loaded scenario's algorithm.</summary>
public static class ScenarioAlgorithm
{
    public static IStrategy Strategy(Scenario scenario) =>
        scenario.Federation.Algorithm.Resolve<IAlgorithm>().CreateStrategy(scenario.Federation.Algorithm.Options, scenario);

    /// <summary>Whether a registered algorithm is asynchronous (it runs with <c>federation.mode: async</c>).</summary>
    public static bool IsAsynchronous(Components.ComponentInfo algorithm) => algorithm.Implementation is IAsyncAlgorithm;

    /// <summary>The coordinator half of an asynchronous algorithm (<c>federation.mode: async</c>).</summary>
    public static IAsyncStrategy AsyncStrategy(Scenario scenario) =>
        scenario.Federation.Algorithm.Resolve<IAsyncAlgorithm>().CreateAsyncStrategy(scenario.Federation.Algorithm.Options, scenario);

    public static IPartyAlgorithm Party(Scenario scenario) =>
        scenario.Federation.Algorithm.Resolve<IAlgorithm>().CreateParty(scenario.Federation.Algorithm.Options, scenario);
}
