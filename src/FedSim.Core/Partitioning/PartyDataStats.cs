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
    /// <summary>What is done to this party's inputs whenever they are read (e.g. feature noise); none for most partitioners.</summary>
    public IReadOnlyList<LocalTraining.InputTransform> Transforms { get; init; } = [];
}
