namespace FedSim.Coordinator;

/// <summary>A node asked for a share of the parties while every party is hosted; it may stand by and ask again.</summary>
internal sealed class NoFreePartiesException(string message) : Exception(message);
