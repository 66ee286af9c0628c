using FedSim.Coordinator;
using FedSim.Party;
using Microsoft.Extensions.Logging;

namespace FedSim.Cli;

/// <summary>
/// A party node's health endpoint (grpc.health.v1): "" is SERVING while the process runs (liveness), and
/// <see cref="ServiceName"/> is SERVING while the node is registered and subscribed (readiness).
/// </summary>
internal sealed class PartyHealth : IAsyncDisposable
{
    public const string ServiceName = "fedsim.v1.PartyNode";

    private readonly GrpcHost _host;

    private PartyHealth(GrpcHost host) => _host = host;

    public Uri Address => _host.Address;

    public static async Task<PartyHealth> StartAsync(PartyNode node, Uri listen, CancellationToken ct)
    {
        var host = await GrpcHost.StartAsync(listen, LogLevel.Warning, _ => { }, _ => { }, ct);
        host.SetServing(ServiceName, false);
        node.ReadinessChanged += ready => host.SetServing(ServiceName, ready);
        return new PartyHealth(host);
    }

    public ValueTask DisposeAsync() => _host.DisposeAsync();
}
