using FedSim.Core.Metrics;

namespace FedSim.Cli.Plots;

/// <summary>What accuracy is plotted against: rounds, cumulative MB both ways, or the simulated clock.</summary>
internal sealed record ProgressAxis(string Label, string FileName, Func<ProgressPoint, double> X)
{
    public static ProgressAxis Round { get; } = new("round", "accuracy.png", p => p.Round);

    public static ProgressAxis Megabytes { get; } = new("cumulative MB (up + down)", "accuracy-vs-mb.png", p => (p.CumulativeBytesUp + p.CumulativeBytesDown) / 1e6);

    public static ProgressAxis SimulatedTime { get; } = new("simulated seconds", "accuracy-vs-time.png", p => p.SimClockSeconds);

    /// <summary>The axes worth a figure: the simulated clock only when some run's clock moved.</summary>
    public static IEnumerable<ProgressAxis> For(IEnumerable<IReadOnlyList<ProgressPoint>> runs)
    {
        yield return Round;
        yield return Megabytes;
        if (runs.Any(r => r.Any(p => p.SimClockSeconds > 0))) yield return SimulatedTime;
    }
}
