namespace FedSim.Coordinator;

/// <summary>summary.json: the run's outcome in one object.</summary>
public sealed record RunSummary
{
    public required string Name { get; init; }
    public required string Algorithm { get; init; }
    public required string Status { get; init; }
    public string? Error { get; init; }
    public required int Seed { get; init; }
    public required int Parties { get; init; }
    public required int RoundsPlanned { get; init; }
    public required int RoundsCompleted { get; init; }
    public double? FinalAccuracy { get; init; }
    public double? BestAccuracy { get; init; }
    public int? BestRound { get; init; }
    public double? FinalF1Macro { get; init; }
    public required long TotalBytesUp { get; init; }
    public required long TotalBytesDown { get; init; }
    public required double WallSeconds { get; init; }
    public required double RoundsSeconds { get; init; }
    public required double TrainSecondsSum { get; init; }
    public required double EvalSecondsSum { get; init; }
    public required int PartyFailures { get; init; }
    public required double PartitionMeanJsDivergence { get; init; }
    public required double PartitionMaxJsDivergence { get; init; }
    public required double PartitionSizeCv { get; init; }
    public required string StartedAt { get; init; }
}
