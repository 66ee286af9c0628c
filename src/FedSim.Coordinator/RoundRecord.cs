namespace FedSim.Coordinator;

/// <summary>One round's row in metrics.csv: the fixed columns, then the strategy's own.</summary>
public sealed record RoundRecord(
    int Round,
    double Accuracy,
    double Loss,
    double PrecisionMacro,
    double RecallMacro,
    double F1Macro,
    double TrainLoss,
    long BytesUp,
    long BytesDown,
    double Seconds,
    double EvalSeconds,
    double TrainSecondsMean,
    double TrainSecondsStd,
    double TrainSecondsMax,
    double UpdateNormMean,
    double UpdateNormStd,
    double CosineMean,
    double CosineStd,
    int PartiesSampled,
    int PartiesOk,
    int PartiesFailed,
    IReadOnlyList<int> FailedParties)
{
    /// <summary>The strategy's own figures for the round (extra metrics.csv columns, by name).</summary>
    public IReadOnlyDictionary<string, object> StrategyMetrics { get; init; } = Core.Algorithms.RoundAggregate.NoMetrics;

    /// <summary>The round's bytes with float32 tensors over the bytes sent (1 for fp32; NaN for a direction that sent nothing).</summary>
    public double CompressionRatioUp { get; init; } = double.NaN;

    public double CompressionRatioDown { get; init; } = double.NaN;

    /// <summary>The round's simulated seconds (<see cref="Core.Systems.RoundClock"/>) and the simulated clock after it.</summary>
    public double SimRoundSeconds { get; init; }

    public double SimClockSeconds { get; init; }

    /// <summary>Uncompressed over compressed size; NaN when nothing was sent.</summary>
    public static double Ratio(long fp32Bytes, long bytes) => bytes == 0 ? double.NaN : (double)fp32Bytes / bytes;
}
