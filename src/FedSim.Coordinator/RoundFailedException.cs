namespace FedSim.Coordinator;

/// <summary>A round (or the wait before round 1) could not go on; the run stops with what it recorded so far.</summary>
internal sealed class RoundFailedException(string message) : Exception(message);
