using FedSim.Core.Components;

namespace FedSim.Core.Scenarios;

/// <summary>The <c>report</c> section: what a run's summary computes beyond its metrics.</summary>
public sealed record ReportSection
{
    [Option("test accuracies (fractions) for which summary.json gives the first round, simulated seconds and cumulative bytes that reached them",
        Min = 0, Max = 1)]
    public NumberList AccuracyTargets { get; init; } = new(0.5, 0.7, 0.8);
}
