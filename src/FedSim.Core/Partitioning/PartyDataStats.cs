namespace FedSim.Core.Partitioning;

/// <summary>One party's share of the training data and how far its labels stray from the global distribution.</summary>
public sealed record PartyDataStats(
    int Id,
    int[] DataIdxs,
    long[] ClassCounts,
    int Size,
    int ClassesPresent,
    double LabelEntropy,
    double JsDivergence)
{
    /// <summary>feature-noise: the standard deviation of the Gaussian noise added to this party's inputs (0 otherwise).</summary>
    public double NoiseStd { get; init; }
}
