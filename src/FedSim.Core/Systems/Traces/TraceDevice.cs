namespace FedSim.Core.Systems.Traces;

/// <summary>
/// One client of a FedScale device trace (<c>client_device_capacity</c>): its inference latency in ms per sample
/// (<c>computation</c>) and its bandwidth in kbit/s (<c>communication</c>, used for upload and download alike).
/// </summary>
public sealed record TraceDevice(long ClientId, double ComputationMs, double CommunicationKbps);
