namespace FedSim.Core.Sweeps;

/// <summary>One axis of the grid: the key as written, the scenario key it sets, and its values in file order.</summary>
public sealed record SweepAxis(string Key, string Path, int Line, IReadOnlyList<SweepAxisValue> Values)
{
    public bool IsAlgorithm => Path == SweepKeys.Algorithm;
    public bool IsPartition => Path == SweepKeys.Partition;
    public bool IsSeed => Path == SweepKeys.Seed;
}
