namespace FedSim.Coordinator;

/// <summary>One sampled party's row for one round: outcome, cost and update figures.</summary>
public sealed record PartyRoundRecord(
    int Round,
    int PartyId,
    string Status,
    long NumExamples,
    long LocalSteps,
    double TrainLoss,
    double TrainSeconds,
    long BytesUp,
    long BytesDown,
    double UpdateNorm,
    double CosineToAggregate,
    string Error);
