namespace FedSim.Core.Scenarios;

/// <summary>A loaded scenario and what the loader has to say about it that is not an error (deprecated keys).</summary>
public sealed record ScenarioLoad(Scenario Scenario, IReadOnlyList<ScenarioError> Notices);
