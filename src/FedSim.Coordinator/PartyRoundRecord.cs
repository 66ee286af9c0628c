namespace FedSim.Coordinator;

/// <summary>
/// One sampled party's row for one round: outcome, cost and update figures, and where its time went: <c>TaskSeconds</c>
/// from announcement to result (coordinator clock), the node's <c>WaitSeconds</c> for a training slot and
/// <c>FetchSeconds</c> to download the task, the coordinator's <c>UploadSeconds</c> from the result's first to last
/// byte, and <c>CommSeconds = TaskSeconds - WaitSeconds - TrainSeconds</c>: the time the network (and the protocol) cost;
/// <c>SimSeconds</c> is the party's time on its simulated device and network (NaN without a result).
/// </summary>
internal sealed record PartyRoundRecord(
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
    double TaskSeconds,
    double WaitSeconds,
    double FetchSeconds,
    double UploadSeconds,
    double CommSeconds,
    double SimSeconds,
    string Error);
