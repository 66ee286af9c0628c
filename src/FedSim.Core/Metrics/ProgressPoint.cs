namespace FedSim.Core.Metrics;

/// <summary>A run after one round (or server step): its test accuracy, the simulated clock and the bytes sent so far each way.</summary>
public sealed record ProgressPoint(int Round, double Accuracy, double SimClockSeconds, long CumulativeBytesUp, long CumulativeBytesDown);
