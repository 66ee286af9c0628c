using FedSim.Core.Metrics;

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

    /// <summary>The run's bytes with float32 tensors over the bytes sent, each way (null before anything was sent).</summary>
    public double? CompressionRatioUp { get; init; }
    public double? CompressionRatioDown { get; init; }
    /// <summary>
    /// For each of <c>report.accuracy_targets</c>: the first round at or above it, with the simulated clock and the
    /// cumulative bytes each way by then (time- and bytes-to-accuracy); nulls when the run never reached it.
    /// </summary>
    public required IReadOnlyList<TargetCrossing> AccuracyTargets { get; init; }

    public required double WallSeconds { get; init; }

    /// <summary>The simulated clock at the end (the sum of the rounds' simulated seconds).</summary>
    public required double SimClockSeconds { get; init; }
    public required double RoundsSeconds { get; init; }
    public required double TrainSecondsSum { get; init; }
    public required double EvalSecondsSum { get; init; }
    public required int PartyFailures { get; init; }
    public required double PartitionMeanJsDivergence { get; init; }
    public required double PartitionMaxJsDivergence { get; init; }
    public required double PartitionSizeCv { get; init; }
    public required string StartedAt { get; init; }

    /// <summary>The summary of a run so far (or finished) from its recorded rounds and totals.</summary>
    internal static RunSummary Build(CoordinatorState state, IReadOnlyList<RoundRecord> rounds, string status, string? error, RunTotals totals,
        long started, string startedAt)
    {
        var best = rounds.Count == 0 ? null : rounds.MaxBy(r => r.Accuracy);
        var partition = state.Partition;
        var scenario = state.Scenario;
        return new RunSummary
        {
            Name = scenario.Name,
            Algorithm = scenario.Federation.Algorithm.Name,
            Status = status,
            Error = error,
            Seed = scenario.Seed,
            Parties = scenario.Partition.Parties,
            RoundsPlanned = scenario.Federation.Rounds,
            RoundsCompleted = rounds.Count,
            FinalAccuracy = rounds.Count == 0 ? null : rounds[^1].Accuracy,
            FinalF1Macro = rounds.Count == 0 ? null : rounds[^1].F1Macro,
            BestAccuracy = best?.Accuracy,
            BestRound = best?.Round,
            TotalBytesUp = totals.BytesUp,
            TotalBytesDown = totals.BytesDown,
            CompressionRatioUp = totals.BytesUp == 0 ? null : RoundRecord.Ratio(totals.Fp32BytesUp, totals.BytesUp),
            CompressionRatioDown = totals.BytesDown == 0 ? null : RoundRecord.Ratio(totals.Fp32BytesDown, totals.BytesDown),
            AccuracyTargets = Core.Metrics.AccuracyTargets.Crossings(Progress(rounds), scenario.Report.AccuracyTargets.Values),
            WallSeconds = state.Time.GetElapsedTime(started).TotalSeconds,
            SimClockSeconds = totals.SimClockSeconds,
            RoundsSeconds = totals.RoundsSeconds,
            TrainSecondsSum = totals.TrainSeconds,
            EvalSecondsSum = totals.EvalSeconds,
            PartyFailures = totals.Failures,
            PartitionMeanJsDivergence = partition.MeanJsDivergence,
            PartitionMaxJsDivergence = partition.MaxJsDivergence,
            PartitionSizeCv = partition.SizeCoefficientOfVariation,
            StartedAt = startedAt,
        };
    }

    private static List<ProgressPoint> Progress(IReadOnlyList<RoundRecord> rounds)
    {
        var (up, down) = (0L, 0L);
        return rounds.Select(r => new ProgressPoint(r.Round, r.Accuracy, r.SimClockSeconds, up += r.BytesUp, down += r.BytesDown)).ToList();
    }
}
