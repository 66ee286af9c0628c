using System.Net;
using Grpc.Health.V1;
using Grpc.HealthCheck;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace FedSim.Coordinator;

/// <summary>
/// A gRPC server on one cleartext HTTP/2 endpoint (port 0 picks a free port) that always serves the standard health
/// service <c>grpc.health.v1.Health</c>; the coordinator maps its federation service onto it, a party node only health.
/// </summary>
public sealed class GrpcHost : IAsyncDisposable
{
    public const int MaxMessageBytes = 16 * 1024 * 1024;

    private readonly WebApplication _app;

    private GrpcHost(WebApplication app, Uri address, HealthServiceImpl health)
    {
        _app = app;
        Address = address;
        Health = health;
    }

    /// <summary>The address clients dial, e.g. http://127.0.0.1:50051 (a wildcard listen address becomes 127.0.0.1).</summary>
    public Uri Address { get; }

    public IServiceProvider Services => _app.Services;

    private HealthServiceImpl Health { get; }

    private readonly HashSet<string> _services = [""];

    /// <summary>Sets what <c>grpc.health.v1.Health/Check</c> answers for <paramref name="service"/> ("" is the whole server).</summary>
    public void SetServing(string service, bool serving)
    {
        lock (_services) _services.Add(service);
        Health.SetStatus(service, serving ? HealthCheckResponse.Types.ServingStatus.Serving : HealthCheckResponse.Types.ServingStatus.NotServing);
    }

    /// <summary>Every service NOT_SERVING (shutting down).</summary>
    public void SetAllNotServing()
    {
        lock (_services)
            foreach (var s in _services) Health.SetStatus(s, HealthCheckResponse.Types.ServingStatus.NotServing);
    }

    public static async Task<GrpcHost> StartAsync(Uri listen, LogLevel logLevel, Action<IServiceCollection> services,
        Action<WebApplication> map, CancellationToken ct)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.Logging.AddSimpleConsole(o =>
        {
            o.SingleLine = true;
            o.TimestampFormat = "HH:mm:ss ";
        });
        builder.Logging.SetMinimumLevel(logLevel);
        builder.Logging.AddFilter("Microsoft", LogLevel.Warning);
        builder.Logging.AddFilter("Grpc", LogLevel.Warning);
        var health = new HealthServiceImpl();
        builder.Services.AddSingleton(health);
        builder.Services.AddGrpc(o =>
        {
            o.MaxReceiveMessageSize = MaxMessageBytes;
            o.MaxSendMessageSize = MaxMessageBytes;
        });
        services(builder.Services);
        builder.WebHost.ConfigureKestrel(k =>
        {
            k.Listen(ListenIp(listen), listen.Port, o => o.Protocols = HttpProtocols.Http2);
            // Updates stream in many megabytes: larger HTTP/2 receive windows than Kestrel's defaults (1 MB / 768 KB)
            // keep uploads from stalling on flow control.
            k.Limits.Http2.InitialConnectionWindowSize = 32 * 1024 * 1024;
            k.Limits.Http2.InitialStreamWindowSize = 16 * 1024 * 1024;
        });
        var app = builder.Build();
        app.MapGrpcService<HealthServiceImpl>();
        map(app);
        await app.StartAsync(ct);
        var bound = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        var port = new Uri(bound.Replace("[::]", "localhost").Replace("0.0.0.0", "localhost")).Port;
        var host = IsWildcard(listen.Host) ? "127.0.0.1" : listen.Host;
        health.SetStatus("", HealthCheckResponse.Types.ServingStatus.Serving);
        return new GrpcHost(app, new UriBuilder("http", host, port).Uri, health);
    }

    private static bool IsWildcard(string host) => host is "*" or "0.0.0.0" or "+" or "[::]";

    private static IPAddress ListenIp(Uri listen) =>
        listen.Host is "localhost" or "127.0.0.1" ? IPAddress.Loopback
        : IsWildcard(listen.Host) ? IPAddress.Any
        : IPAddress.TryParse(listen.Host, out var ip) ? ip
        : throw new ArgumentException($"listen address '{listen}': the host must be an IP address, localhost or 0.0.0.0");

    public async ValueTask DisposeAsync()
    {
        SetAllNotServing();
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        await _app.StopAsync(cts.Token);
        await _app.DisposeAsync();
    }
}
