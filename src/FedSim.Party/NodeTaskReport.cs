namespace FedSim.Party;

/// <summary>What a node saw of one task: bytes received and sent (serialized message sizes) and whether it delivered.</summary>
internal sealed record NodeTaskReport(string TaskId, int Round, int PartyId, long BytesDown, long BytesUp, bool Accepted, string? Error);
