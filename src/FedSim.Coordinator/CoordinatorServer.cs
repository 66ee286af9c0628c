using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace FedSim.Coordinator;

/// <summary>Hosts the coordinator's gRPC service on an HTTP/2 (cleartext) endpoint; port 0 picks a free port.</summary>
public sealed class CoordinatorServer : IAsyncDisposable
{
    public const int MaxMessageBytes = 16 * 1024 * 1024;

    private readonly WebApplication _app;

    private CoordinatorServer(WebApplication app, Uri address)
    {
        _app = app;
        Address = address;
    }

    /// <summary>The address parties dial, e.g. http://127.0.0.1:50051.</summary>
    public Uri Address { get; }

    public static async Task<CoordinatorServer> StartAsync(CoordinatorState state, Uri listen, LogLevel logLevel, CancellationToken ct)
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
        builder.Services.AddSingleton(state);
        builder.Services.AddSingleton(state.Time);
        builder.Services.AddGrpc(o =>
        {
            o.MaxReceiveMessageSize = MaxMessageBytes;
            o.MaxSendMessageSize = MaxMessageBytes;
        });
        builder.WebHost.ConfigureKestrel(k =>
        {
            var ip = listen.Host is "localhost" or "127.0.0.1" ? IPAddress.Loopback
                : listen.Host is "*" or "0.0.0.0" or "+" ? IPAddress.Any
                : IPAddress.Parse(listen.Host);
            k.Listen(ip, listen.Port, o => o.Protocols = HttpProtocols.Http2);
            // Updates stream in many megabytes: larger HTTP/2 receive windows than Kestrel's defaults (1 MB / 768 KB)
            // keep uploads from stalling on flow control.
            k.Limits.Http2.InitialConnectionWindowSize = 32 * 1024 * 1024;
            k.Limits.Http2.InitialStreamWindowSize = 16 * 1024 * 1024;
        });
        var app = builder.Build();
        app.MapGrpcService<FederationService>();
        await app.StartAsync(ct);
        var bound = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        var port = new Uri(bound.Replace("[::]", "localhost").Replace("0.0.0.0", "localhost")).Port;
        var host = listen.Host is "*" or "0.0.0.0" or "+" ? "127.0.0.1" : listen.Host;
        return new CoordinatorServer(app, new UriBuilder("http", host, port).Uri);
    }

    public async ValueTask DisposeAsync()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        await _app.StopAsync(cts.Token);
        await _app.DisposeAsync();
    }
}
