namespace FedSim.Core.Metrics;

/// <summary>
/// When a run first reached a test accuracy: the round (or server step), the simulated clock and the cumulative bytes
/// each way at that point; all null when it never did.
/// </summary>
public sealed record TargetCrossing(double Accuracy, int? Round, double? SimSeconds, long? BytesUp, long? BytesDown)
{
    /// <summary>Bytes both ways, or null.</summary>
    public long? Bytes => BytesUp + BytesDown;
}
