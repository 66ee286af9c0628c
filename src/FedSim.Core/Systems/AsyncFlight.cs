namespace FedSim.Core.Systems;

/// <summary>
/// One party's training in asynchronous FL under the simulated clock: started at <see cref="Start"/> from server
/// version <see cref="StartVersion"/>; it cannot finish before <see cref="EarliestFinish"/>, and its finish is known
/// once its real result arrived.
/// </summary>
public sealed record AsyncFlight(int Id, int PartyId, int StartVersion, double Start, double EarliestFinish)
{
    public double? Finish { get; internal set; }
}
