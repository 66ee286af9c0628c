using FedSim.Core.Scenarios;

namespace FedSim.Core.Sweeps;

/// <summary>A validated sweep: every cell with its scenario, and the notices (deprecated keys) found while loading them.</summary>
public sealed record SweepPlan(IReadOnlyList<ValidatedCell> Cells, IReadOnlyList<ScenarioError> Notices);
