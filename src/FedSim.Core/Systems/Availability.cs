using FedSim.Core.Randomness;
using FedSim.Core.Scenarios;
using FedSim.Core.Systems.Traces;

namespace FedSim.Core.Systems;

/// <summary>
/// Which parties are online when a round starts: from a FedScale behaviour trace (party i follows the trace's i-th
/// client, cycling, at the round's start on the simulated clock), else a seeded draw per round and party with
/// probability <c>system.availability</c>, else everyone (null).
/// </summary>
public sealed class Availability(SystemSection system, int parties, int seed, IReadOnlyList<TraceAvailability>? trace)
{
    public IReadOnlySet<int>? Online(int round, double clockSeconds)
    {
        if (trace is { Count: > 0 })
            return Enumerable.Range(0, parties).Where(p => trace[p % trace.Count].IsOnline(clockSeconds)).ToHashSet();
        if (system.Availability >= 1) return null;
        return Enumerable.Range(0, parties)
            .Where(p => Seeds.Stream(seed, Seeds.Purpose.Availability, round, p).NextDouble() < system.Availability).ToHashSet();
    }
}
