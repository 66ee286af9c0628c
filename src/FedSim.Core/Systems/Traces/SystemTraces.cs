namespace FedSim.Core.Systems.Traces;

/// <summary>The trace files a scenario's <c>system</c> section names, read (null where it names none).</summary>
public sealed record SystemTraces(IReadOnlyList<TraceDevice>? Devices, IReadOnlyList<TraceAvailability>? Behaviour)
{
    public static SystemTraces None { get; } = new(null, null);
}
