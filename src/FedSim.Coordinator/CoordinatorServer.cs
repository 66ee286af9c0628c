using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace FedSim.Coordinator;

/// <summary>
/// Hosts the coordinator's gRPC service, and the standard health service on the same endpoint: "" and
/// <see cref="ServiceName"/> are SERVING while the coordinator accepts nodes, NOT_SERVING once it shuts down.
/// </summary>
public sealed class CoordinatorServer : IAsyncDisposable
{
    public const string ServiceName = "fedsim.v1.Federation";

    private readonly GrpcHost _host;
    private readonly NodeLiveness _liveness;

    private CoordinatorServer(GrpcHost host, NodeLiveness liveness)
    {
        _host = host;
        _liveness = liveness;
    }

    /// <summary>The address parties dial, e.g. http://127.0.0.1:50051.</summary>
    public Uri Address => _host.Address;

    public static async Task<CoordinatorServer> StartAsync(CoordinatorState state, Uri listen, LogLevel logLevel, CancellationToken ct)
    {
        var host = await GrpcHost.StartAsync(listen, logLevel, services =>
        {
            services.AddSingleton(state);
            services.AddSingleton(state.Time);
        }, app => app.MapGrpcService<FederationService>(), ct);
        host.SetServing(ServiceName, true);
        var liveness = new NodeLiveness(state, host.Services.GetRequiredService<ILoggerFactory>().CreateLogger<NodeLiveness>());
        return new CoordinatorServer(host, liveness);
    }

    /// <summary>Tells health checks the coordinator is going away (before the last results are written).</summary>
    public void MarkStopping() => _host.SetAllNotServing();

    public ValueTask DisposeAsync()
    {
        _liveness.Dispose();
        return _host.DisposeAsync();
    }
}
