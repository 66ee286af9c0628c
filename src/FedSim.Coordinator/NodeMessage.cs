namespace FedSim.Coordinator;

/// <summary>What the coordinator tells a node on its announcement stream (the gRPC service turns it into a message).</summary>
internal abstract record NodeMessage;

/// <summary>A task for one of the node's parties: fetch it by id before the deadline (Unix milliseconds).</summary>
internal sealed record TaskOffer(string TaskId, int Round, int PartyId, long DeadlineUnixMs) : NodeMessage;

/// <summary>The run is over (or the node is not needed): stop.</summary>
internal sealed record StopNotice(string Reason, bool Failed) : NodeMessage;
