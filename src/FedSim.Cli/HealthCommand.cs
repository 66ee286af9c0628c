using System.Globalization;
using Grpc.Core;
using Grpc.Health.V1;
using Grpc.Net.Client;

namespace FedSim.Cli;

/// <summary>
/// <c>fedsim health</c>: asks a coordinator or party node for its standard gRPC health status
/// (<c>grpc.health.v1.Health/Check</c>), e.g. for a container HEALTHCHECK. Exit 0 when SERVING, 1 otherwise.
/// </summary>
internal static class HealthCommand
{
    private const double DefaultTimeoutSeconds = 5;

    public static async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr, CancellationToken ct)
    {
        var a = ParsedArgs.Parse(args, new HashSet<string> { "--target", "--service", "--timeout" }, new HashSet<string>());
        if (a.Positionals.Count > 0) throw new UsageException($"unexpected argument '{a.Positionals[0]}'");
        var targetText = a.Get("--target") ?? throw new UsageException("--target HOST:PORT is required (e.g. --target 127.0.0.1:50051)");
        var address = ParseTarget(targetText);
        var service = a.Get("--service") ?? "";
        var timeout = ParseTimeout(a.Get("--timeout"));
        var what = service.Length == 0 ? targetText : $"{targetText} service '{service}'";

        using var handler = new SocketsHttpHandler { ConnectTimeout = timeout };
        using var channel = GrpcChannel.ForAddress(address, new GrpcChannelOptions { HttpHandler = handler });
        var client = new Health.HealthClient(channel);
        try
        {
            var reply = await client.CheckAsync(new HealthCheckRequest { Service = service },
                deadline: DateTime.UtcNow + timeout, cancellationToken: ct);
            var status = StatusName(reply.Status);
            stdout.WriteLine($"{what}: {status}");
            return reply.Status == HealthCheckResponse.Types.ServingStatus.Serving ? CliApp.Ok : CliApp.RunFailed;
        }
        catch (RpcException e) when (!ct.IsCancellationRequested)
        {
            stderr.WriteLine($"fedsim: health: {what}: {Explain(e, timeout)}");
            return CliApp.RunFailed;
        }
    }

    /// <summary><c>HOST:PORT</c> (or an <c>http://HOST:PORT</c> URL) as the address to dial over cleartext HTTP/2.</summary>
    private static Uri ParseTarget(string text)
    {
        var url = text.Contains("://", StringComparison.Ordinal) ? text : "http://" + text;
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme != "http" || uri.IsDefaultPort
            || uri.AbsolutePath != "/" || uri.Host.Length == 0)
            throw new UsageException($"--target: '{text}' is not HOST:PORT (e.g. 127.0.0.1:50051)");
        return uri;
    }

    private static TimeSpan ParseTimeout(string? text)
    {
        if (text is null) return TimeSpan.FromSeconds(DefaultTimeoutSeconds);
        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) || !(seconds > 0) || seconds > 3600)
            throw new UsageException($"--timeout: expected seconds > 0 and <= 3600, got '{text}'");
        return TimeSpan.FromSeconds(seconds);
    }

    /// <summary>The protocol's names (SERVING, NOT_SERVING, UNKNOWN, SERVICE_UNKNOWN), as grpc_health_probe prints them.</summary>
    private static string StatusName(HealthCheckResponse.Types.ServingStatus status) => status switch
    {
        HealthCheckResponse.Types.ServingStatus.Serving => "SERVING",
        HealthCheckResponse.Types.ServingStatus.NotServing => "NOT_SERVING",
        HealthCheckResponse.Types.ServingStatus.ServiceUnknown => "SERVICE_UNKNOWN",
        _ => "UNKNOWN",
    };

    private static string Explain(RpcException e, TimeSpan timeout) => e.StatusCode switch
    {
        StatusCode.Unavailable => $"not reachable ({Innermost(e)})",
        StatusCode.DeadlineExceeded => $"no answer within {timeout.TotalSeconds.ToString(CultureInfo.InvariantCulture)} s",
        StatusCode.NotFound => "the service is unknown to the health server",
        StatusCode.Unimplemented => "answers gRPC but does not serve grpc.health.v1.Health",
        _ => $"{e.StatusCode}: {e.Status.Detail}",
    };

    private static string Innermost(RpcException e)
    {
        Exception? inner = e.Status.DebugException;
        if (inner is null) return e.Status.Detail;
        while (inner.InnerException is not null) inner = inner.InnerException;
        return inner.Message;
    }
}
