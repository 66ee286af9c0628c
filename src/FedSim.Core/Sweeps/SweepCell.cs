namespace FedSim.Core.Sweeps;

/// <summary>
/// One point of the grid. <see cref="Overrides"/> are applied to the base scenario in order (sweep set, command-line set,
/// axis values); <see cref="AxisValues"/> has each axis's display value; <see cref="Row"/> (partition) and
/// <see cref="Column"/> (algorithm) place the cell in the results tables.
/// </summary>
public sealed record SweepCell(
    string Id,
    IReadOnlyList<SweepSetting> Overrides,
    IReadOnlyList<string> AxisValues,
    string Row,
    string Column,
    int Seed);
