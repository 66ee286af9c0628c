using FedSim.Core.Scenarios;

namespace FedSim.Core.Sweeps;

/// <summary>A cell and the scenario it resolves to.</summary>
public sealed record ValidatedCell(SweepCell Cell, Scenario Scenario);
