namespace FedSim.Core.Metrics;

/// <summary>Time- and bytes-to-accuracy: for each target, the first point of a run at or above it.</summary>
public static class AccuracyTargets
{
    public static IReadOnlyList<TargetCrossing> Crossings(IReadOnlyList<ProgressPoint> points, IEnumerable<double> targets) =>
        targets.Select(target => points.FirstOrDefault(p => p.Accuracy >= target) is { } p
            ? new TargetCrossing(target, p.Round, p.SimClockSeconds, p.CumulativeBytesUp, p.CumulativeBytesDown)
            : new TargetCrossing(target, null, null, null, null)).ToList();
}
