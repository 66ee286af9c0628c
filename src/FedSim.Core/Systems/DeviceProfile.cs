namespace FedSim.Core.Systems;

/// <summary>
/// One party's simulated device and network. Its time in a round is
/// <c>2 * latency + bytes_down * 8 / bandwidth_down + examples * epochs * compute_ms_per_sample / 1000 + bytes_up * 8 / bandwidth_up</c>
/// (latency in seconds, bandwidths in bits per second; a bandwidth of 0 is unlimited).
/// </summary>
public sealed record DeviceProfile(double ComputeMsPerSample, double BandwidthUpMbps, double BandwidthDownMbps, double LatencyMs)
{
    /// <summary>An ideal device: every term 0.</summary>
    public static DeviceProfile Ideal { get; } = new(0, 0, 0, 0);

    /// <summary>Simulated seconds of a round: communication plus computation.</summary>
    public double Seconds(long bytesDown, long bytesUp, long examples, int epochs) =>
        CommSeconds(bytesDown, bytesUp) + ComputeSeconds(examples, epochs);

    /// <summary>Simulated seconds on the network: the round trip plus both transfers.</summary>
    public double CommSeconds(long bytesDown, long bytesUp) =>
        2 * LatencyMs / 1000 + Transfer(bytesDown, BandwidthDownMbps) + Transfer(bytesUp, BandwidthUpMbps);

    public double ComputeSeconds(long examples, int epochs) => examples * (double)epochs * ComputeMsPerSample / 1000;

    private static double Transfer(long bytes, double mbps) => mbps == 0 ? 0 : bytes * 8.0 / (mbps * 1e6);
}
