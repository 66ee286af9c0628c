namespace FedSim.Coordinator;

/// <summary>A round's bytes each way, its wall and evaluation seconds, and how many parties it sampled.</summary>
internal sealed record RoundTraffic(long BytesUp, long BytesDown, double Seconds, double EvalSeconds, int Sampled);
