namespace FedSim.Core.Systems.Traces;

/// <summary>
/// One client of a FedScale behaviour trace (<c>client_behave_trace</c>): online from each <c>active[i]</c> to
/// <c>inactive[i]</c> seconds, the pattern repeating every <c>finish_time</c> seconds.
/// </summary>
public sealed record TraceAvailability(long ClientId, IReadOnlyList<double> Active, IReadOnlyList<double> Inactive, double FinishTime)
{
    /// <summary>Whether the client is online at simulated time <paramref name="seconds"/> (FedScale's rule, both ends included).</summary>
    public bool IsOnline(double seconds)
    {
        var t = seconds % FinishTime;
        for (var i = 0; i < Active.Count; i++)
            if (Active[i] <= t && t <= Inactive[i]) return true;
        return false;
    }
}
