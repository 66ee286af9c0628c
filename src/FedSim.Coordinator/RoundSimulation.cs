using System.Globalization;
using FedSim.Core.Algorithms;
using FedSim.Core.Systems;

namespace FedSim.Coordinator;

/// <summary>
/// One round under the simulated clock: each task's simulated seconds from its party's device and the bytes it really
/// sent and received, who drops out, who misses the deadline, and (with over-commitment) which results wait for the
/// round's end to learn whether they were among the first to finish.
/// </summary>
internal sealed class RoundSimulation(CoordinatorState state, int round)
{
    private Core.Scenarios.SystemSection System => state.Scenario.System;

    public int Round { get; } = round;

    /// <summary>Over-committed rounds hold results until every sampled party is in; others fold each one as it arrives.</summary>
    public bool Deferred => System.OverCommit > 1;

    public bool Dropped(int party) => RoundClock.DropsOut(state.Scenario.Seed, Round, party, System.Dropout);

    public string DropoutReason => $"dropout: vanished mid-round (system.dropout = {Format(System.Dropout)})";

    public double Seconds(TrainingTask task, PartyResult result) => state.SimSeconds(task, result);

    /// <summary>Why a result with these simulated seconds does not count on arrival, or null.</summary>
    public string? Rejection(double seconds) =>
        RoundClock.MissesDeadline(seconds, System.DeadlineSeconds)
            ? $"deadline: simulated {Format(seconds)} s exceeds system.deadline_s = {Format(System.DeadlineSeconds!.Value)}"
            : null;

    /// <summary>The verdicts and the round's simulated seconds, from every task.</summary>
    public RoundTiming Settle(IReadOnlyList<TrainingTask> tasks, int wanted) =>
        RoundClock.Settle(tasks.Select(t => new PartyTiming(t.PartyId, t.SimSeconds, !double.IsNaN(t.SimSeconds), t.Dropped)).ToList(),
            wanted, System.DeadlineSeconds);

    public static string LateReason(int wanted) => $"late: not among the first {wanted} to finish in simulated time (system.over_commit)";

    private static string Format(double value) => value.ToString("0.###", CultureInfo.InvariantCulture);
}
