using FedSim.Core.Sweeps;

namespace FedSim.Cli.Compare;

/// <summary>How one cell's run ended, read back from its run folder; <see cref="Accuracy"/> is the test accuracy per round.</summary>
internal sealed record CellOutcome(
    SweepCell Cell,
    string Status,
    int Rounds,
    double? FinalAccuracy,
    double? BestAccuracy,
    long BytesUp,
    long BytesDown,
    double WallSeconds,
    IReadOnlyList<double> Accuracy,
    string? Error)
{
    public bool Completed => Status == "completed";
}
