namespace FedSim.Coordinator;

/// <summary>One round's row in metrics.csv.</summary>
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
    IReadOnlyList<int> FailedParties);
