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
}
