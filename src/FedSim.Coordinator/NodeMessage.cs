namespace FedSim.Coordinator;

/// <summary>What the coordinator tells a node on its announcement stream (the gRPC service turns it into a message).</summary>
public abstract record NodeMessage;

/// <summary>A task for one of the node's parties: fetch it by id before the deadline (Unix milliseconds).</summary>
public sealed record TaskOffer(string TaskId, int Round, int PartyId, long DeadlineUnixMs) : NodeMessage;

/// <summary>The run is over (or the node is not needed): stop.</summary>
public sealed record StopNotice(string Reason) : NodeMessage;
