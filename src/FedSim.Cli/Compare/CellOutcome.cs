using FedSim.Core.Metrics;
using FedSim.Core.Sweeps;

namespace FedSim.Cli.Compare;

/// <summary>
/// How one cell's run ended, read back from its run folder: <see cref="Progress"/> has its accuracy, cumulative bytes
/// and simulated clock per round, <see cref="Targets"/> its time- and bytes-to-accuracy from summary.json.
/// </summary>
internal sealed record CellOutcome(
    SweepCell Cell,
    string Status,
    int Rounds,
    double? FinalAccuracy,
    double? BestAccuracy,
    long BytesUp,
    long BytesDown,
    double WallSeconds,
    IReadOnlyList<ProgressPoint> Progress,
    string? Error)
{
    public bool Completed => Status == "completed";

    public IReadOnlyList<TargetCrossing> Targets { get; init; } = [];
}
