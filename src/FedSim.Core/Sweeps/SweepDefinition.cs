namespace FedSim.Core.Sweeps;

/// <summary>A parsed sweep file: a base scenario, overrides for every cell, and the axes whose cross product is the grid.</summary>
public sealed record SweepDefinition(
    string Name,
    string Source,
    string BasePath,
    int BaseLine,
    IReadOnlyList<SweepSetting> Set,
    IReadOnlyList<SweepAxis> Axes,
    int? Jobs);
