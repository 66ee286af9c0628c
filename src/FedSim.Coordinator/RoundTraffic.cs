namespace FedSim.Coordinator;

/// <summary>
/// A round's bytes each way (and what they would have been with float32 tensors), its wall and evaluation seconds, and
/// how many parties it sampled.
/// </summary>
internal sealed record RoundTraffic(long BytesUp, long BytesDown, double Seconds, double EvalSeconds, int Sampled)
{
    public long Fp32BytesUp { get; init; } = BytesUp;

    public long Fp32BytesDown { get; init; } = BytesDown;
}
