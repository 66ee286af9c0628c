namespace FedSim.Coordinator;

/// <summary>Progress callbacks from the round loop (for a console, a log, a UI). Called from the loop's thread or gRPC threads.</summary>
public interface IRunObserver
{
    void RoundStarted(int round, int rounds, int sampled) { }

    void PartyFinished(int round, int partyId, bool ok, int done, int sampled) { }

    void RoundFinished(RoundRecord record) { }

    void Message(string text) { }
}
